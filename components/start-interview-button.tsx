"use client";

import { type Level, STEP_TITLES, type StepId } from "@/lib/framework";
import { ErrorNotice } from "./error-notice";
import { useStartInterview } from "./use-start-interview";

/** Starts an interview on one scenario at a given level. */
export function StartInterviewButton({
  scenarioId,
  level,
  drillStep,
}: {
  scenarioId: string;
  level: Level;
  drillStep?: StepId;
}) {
  const { start, starting, error } = useStartInterview();
  return (
    <div className="space-y-2">
      <button
        type="button"
        data-testid="start-interview"
        disabled={starting !== null}
        onClick={() => start(scenarioId, level, drillStep ? 10 : 45, drillStep)}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
      >
        {starting ? "Starting…" : drillStep ? `Drill ${STEP_TITLES[drillStep]}` : `Start a ${level}-level interview`}
      </button>
      {error && <ErrorNotice message={error} />}
    </div>
  );
}
