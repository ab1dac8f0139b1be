"use client";

import { useEventStream } from "@/components/use-event-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";

/**
 * Watches one round's interview events (messages, streamed tokens, steps, checks, the report)
 * after `afterSeq`. The server ends the stream for a member the host removed; `onError` hears it.
 */
export function useRoundEvents(
  roomId: string,
  roundId: string,
  afterSeq: number,
  enabled: boolean,
  onEvent: (event: StreamEvent, seq: number) => void,
  onError: () => void,
): void {
  useEventStream(`/api/rooms/${roomId}/rounds/${roundId}/events`, afterSeq, enabled, onEvent, onError);
}
