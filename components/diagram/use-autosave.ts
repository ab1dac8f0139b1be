"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/components/api-fetch";
import type { CanvasElement } from "./canvas-handle";
import { saveScene } from "./diagram-api";
import type { SaveStatus } from "./save-status";

/** Long enough that a drag or a typed label is one save, short enough that a reload loses nothing. */
export const SAVE_DELAY_MS = 800;
/** How long to wait before sending again after the server could not be reached. */
const RETRY_DELAY_MS = 5_000;

const REVISION_CONFLICT = "conflict:diagram_revision";

export interface Autosave {
  status: SaveStatus;
  /** The revision the server last confirmed (0: nothing stored yet). */
  revision: number;
  /** Queues `elements` to be saved after SAVE_DELAY_MS of quiet. */
  schedule: (elements: readonly CanvasElement[]) => void;
}

/**
 * Saves the canvas to the server a moment after it stops changing, one request at a time, each
 * naming the revision it builds on. A save refused because another tab saved first (409) calls
 * `onConflict`, which loads the server's version and its revision; anything else refused shows the server's
 * sentence. Whatever is still queued goes out when the page is hidden or the panel unmounts.
 */
export function useAutosave({
  interviewId,
  initialRevision,
  enabled,
  onConflict,
}: {
  interviewId: string;
  initialRevision: number;
  enabled: boolean;
  /** Loads the server's version onto the canvas and returns its revision. */
  onConflict: () => Promise<number>;
}): Autosave {
  const [status, setStatus] = useState<SaveStatus>(initialRevision > 0 ? { state: "saved" } : { state: "empty" });
  const [revision, setRevision] = useState(initialRevision);
  const base = useRef(initialRevision);
  const queued = useRef<readonly CanvasElement[] | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const conflict = useRef(onConflict);
  conflict.current = onConflict;

  const confirm = useCallback((next: number) => {
    base.current = next;
    setRevision(next);
  }, []);

  const send = useCallback(
    async (leaving = false) => {
      const elements = queued.current;
      if (!elements || inFlight.current) return;
      queued.current = null;
      inFlight.current = true;
      let delay = 0;
      setStatus({ state: "saving" });
      try {
        confirm(await saveScene(interviewId, elements, base.current, { leaving }));
        setStatus(queued.current ? { state: "saving" } : { state: "saved" });
      } catch (error) {
        if (error instanceof ApiError && error.code === REVISION_CONFLICT) {
          // The other tab's version wins: it is loaded here, and this tab's last change is dropped.
          queued.current = null;
          confirm(await conflict.current().catch(() => base.current));
          setStatus({
            state: "failed",
            message: "the diagram was changed in another tab or window, so that version is shown now.",
          });
        } else if (error instanceof ApiError) {
          setStatus({ state: "failed", message: error.message });
        } else {
          // Offline or the server restarting: kept (unless a newer change replaced it) and sent again.
          queued.current ??= elements;
          delay = RETRY_DELAY_MS;
          setStatus({ state: "failed", message: "the server could not be reached; trying again in a few seconds." });
        }
      } finally {
        inFlight.current = false;
      }
      // A change made while this save was under way goes out now (a failed one, a little later).
      if (queued.current && !timer.current) {
        timer.current = setTimeout(() => {
          timer.current = null;
          void send();
        }, delay);
      }
    },
    [interviewId, confirm],
  );

  const schedule = useCallback(
    (elements: readonly CanvasElement[]) => {
      if (!enabled) return;
      queued.current = elements;
      setStatus({ state: "saving" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void send();
      }, SAVE_DELAY_MS);
    },
    [enabled, send],
  );

  useEffect(() => {
    const flush = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      void send(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      flush();
    };
  }, [send]);

  return { status, revision, schedule };
}
