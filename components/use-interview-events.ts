"use client";

import { useEffect, useRef } from "react";
import { parseStreamEvent } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";

/**
 * Watches an interview's live events (server-sent events) from `afterSeq` on, whichever server
 * they come from. EventSource reconnects by itself and sends Last-Event-ID, so the server
 * replays what was missed; `onEvent` always sees the latest handler without reopening the stream.
 * A hidden tab lets its stream go (a browser allows only six connections to a host, and a
 * dozen open interviews would otherwise hold them all) and, shown again, asks for what it missed.
 */
export function useInterviewEvents(
  interviewId: string,
  afterSeq: number,
  enabled: boolean,
  onEvent: (event: StreamEvent, seq: number) => void,
): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  // The first view's number, then the last event seen: a reopened stream starts after it.
  const last = useRef(afterSeq);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    const open = () => {
      if (source) return;
      source = new EventSource(`/api/interviews/${interviewId}/events?after=${last.current}`);
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
        last.current = Math.max(last.current, seq);
        handler.current(event, seq);
      };
    };
    const close = () => {
      source?.close();
      source = null;
    };
    const follow = () => (document.visibilityState === "hidden" ? close() : open());
    follow();
    document.addEventListener("visibilitychange", follow);
    return () => {
      document.removeEventListener("visibilitychange", follow);
      close();
    };
  }, [interviewId, enabled]);
}
