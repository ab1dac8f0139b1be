"use client";

import { useEffect, useState } from "react";
import { STEP_TITLES, type StepId } from "@/lib/framework";

function format(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Time spent in the current step against its budget; turns amber when the budget is spent. */
export function InterviewClock({ step, startedAt, budgetMs }: { step: StepId; startedAt: string; budgetMs: number }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = now === null ? 0 : now - Date.parse(startedAt);
  const over = elapsed > budgetMs;
  return (
    <p
      className={`text-sm tabular-nums ${over ? "text-amber-700 dark:text-amber-400" : "text-muted"}`}
      data-testid="interview-clock"
    >
      <span className="sr-only">Time in {STEP_TITLES[step]}: </span>
      {format(elapsed)} / {format(budgetMs)}
      {over ? " · time's up for this step" : ""}
    </p>
  );
}
