"use client";

import { useEventStream } from "@/components/use-event-stream";
import type { StreamEventOf } from "@/lib/streams/stream-event";

/**
 * Watches a study room's live events (members, host, rounds) after `afterSeq`. Only room events
 * reach `onEvent`; the page reads the room again on each. `onError` hears a failed stream, which
 * is how a member the host removed finds out.
 */
export function useRoomEvents(
  roomId: string,
  afterSeq: number,
  enabled: boolean,
  onEvent: (event: StreamEventOf<"room">, seq: number) => void,
  onError: () => void,
): void {
  useEventStream(
    `/api/rooms/${roomId}/events`,
    afterSeq,
    enabled,
    (event, seq) => {
      if (event.type === "room") onEvent(event, seq);
    },
    onError,
  );
}
