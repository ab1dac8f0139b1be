"use client";

import type { StreamEvent } from "@/lib/streams/stream-event";
import { useEventStream } from "./use-event-stream";

/**
 * Watches an interview's live events (server-sent events) from `afterSeq` on: its messages, the
 * reply's words, steps, check cards and the report (see useEventStream for reconnecting and
 * hidden tabs).
 */
export function useInterviewEvents(
  interviewId: string,
  afterSeq: number,
  enabled: boolean,
  onEvent: (event: StreamEvent, seq: number) => void,
): void {
  useEventStream(`/api/interviews/${interviewId}/events`, afterSeq, enabled, onEvent);
}
