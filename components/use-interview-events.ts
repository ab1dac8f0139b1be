"use client";

import { useEffect, useRef } from "react";
import { parseStreamEvent } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";

/**
 * Watches an interview's live events (server-sent events) from `afterSeq` on, whichever server
 * they come from. EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed; `onEvent` always sees the latest handler without reopening the stream.
 */
export function useInterviewEvents(
  interviewId: string,
  afterSeq: number,
  enabled: boolean,
  onEvent: (event: StreamEvent, seq: number) => void,
): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  // The first view's number only: later views must not reopen a stream that is already ahead.
  const start = useRef(afterSeq);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/interviews/${interviewId}/events?after=${start.current}`);
    source.onmessage = (message) => {
      let event: StreamEvent;
      try {
        event = parseStreamEvent(message.data);
      } catch {
        // An event this page does not know (a newer server) is skipped, never guessed at.
        return;
      }
      const seq = Number(message.lastEventId);
      if (!Number.isFinite(seq)) return;
      start.current = Math.max(start.current, seq);
      handler.current(event, seq);
    };
    return () => source.close();
  }, [interviewId, enabled]);
}
