"use client";

import type { Level } from "@/lib/framework";
import { ErrorNotice } from "./error-notice";
import { useStartInterview } from "./use-start-interview";

/** Starts an interview on one scenario at a given level. */
export function StartInterviewButton({ scenarioId, level }: { scenarioId: string; level: Level }) {
  const { start, starting, error } = useStartInterview();
  return (
    <div className="space-y-2">
      <button
        type="button"
        data-testid="start-interview"
        disabled={starting !== null}
        onClick={() => start(scenarioId, level)}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
      >
        {starting ? "Starting…" : `Start a ${level}-level interview`}
      </button>
      {error && <ErrorNotice message={error} />}
    </div>
  );
}
