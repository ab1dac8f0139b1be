"use client";

import { useEffect, useRef } from "react";
import { parseStreamEvent } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";

/** How long a stream the browser gave up on waits before it is opened again. */
const REOPEN_MS = 3000;

/**
 * Follows one server-sent event stream of StreamEvents (an interview's, a room's, a round's) from
 * `afterSeq` on, whichever server the events come from. EventSource reconnects by itself and
 * sends Last-Event-ID; a stream reopened here asks for what follows the last event seen; a hidden tab lets its stream go (a browser allows six
 * connections to a host). `onError` hears every failure: the page decides whether the viewer
 * still belongs (a removed member's stream simply stops), and a stream the browser closed for
 * good is reopened a little later while the page still wants it.
 */
export function useEventStream(
  url: string,
  afterSeq: number,
  enabled: boolean,
  onEvent: (event: StreamEvent, seq: number) => void,
  onError: () => void = () => undefined,
): void {
  const handlers = useRef({ onEvent, onError });
  handlers.current = { onEvent, onError };
  const last = useRef(afterSeq);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      if (source) return;
      const separator = url.includes("?") ? "&" : "?";
      const current = new EventSource(`${url}${separator}after=${last.current}`);
      source = current;
      current.onmessage = (message) => {
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
        handlers.current.onEvent(event, seq);
      };
      current.onerror = () => {
        handlers.current.onError();
        if (current.readyState !== EventSource.CLOSED || source !== current) return;
        source = null;
        clearTimeout(timer);
        timer = setTimeout(() => document.visibilityState !== "hidden" && open(), REOPEN_MS);
      };
    };
    const close = () => {
      clearTimeout(timer);
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
  }, [url, enabled]);
}
