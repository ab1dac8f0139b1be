"use client";

import { useEffect, useState } from "react";
import type { InterviewView } from "@/lib/types";

const POLL_MS = 1_000;
const MAX_POLLS = 30;

/**
 * While any turn's check card is pending and no stream is delivering it, asks the server for the
 * interview once a second (at most 30 times) until none is pending. Returns true once it gave up.
 */
export function usePendingChecks(view: InterviewView, onView: (view: InterviewView) => void, paused: boolean): boolean {
  const [gaveUp, setGaveUp] = useState(false);
  const hasPending = view.turns.some((turn) => turn.check?.status === "pending");
  const id = view.id;

  useEffect(() => {
    if (!hasPending || paused) return;
    let polls = 0;
    let stopped = false;
    const timer = setInterval(async () => {
      polls += 1;
      if (polls > MAX_POLLS) {
        clearInterval(timer);
        setGaveUp(true);
        return;
      }
      try {
        const response = await fetch(`/api/interviews/${id}`, { headers: { accept: "application/json" } });
        const next = response.ok ? ((await response.json()) as InterviewView) : null;
        if (next && !stopped) onView(next);
      } catch {
        // A failed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [hasPending, paused, id, onView]);

  return gaveUp && hasPending;
}
