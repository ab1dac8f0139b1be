"use client";

import { type Level, STEP_TITLES, type StepId } from "@/lib/framework";
import { ErrorNotice } from "./error-notice";
import { useStartInterview } from "./use-start-interview";

/** A drill practises one step, in this many minutes; the interviewer announces the same number. */
const DRILL_MINUTES = 10;

/**
 * Starts an interview on one scenario at a given level, or a drill on one of its steps. The
 * button's name says which scenario, level and step, so that several on a page are told apart.
 */
export function StartInterviewButton({
  scenarioId,
  scenarioTitle,
  level,
  drillStep,
}: {
  scenarioId: string;
  scenarioTitle: string;
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
        onClick={() => start(scenarioId, level, drillStep ? DRILL_MINUTES : 45, drillStep)}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
      >
        {starting ? (
          "Starting…"
        ) : drillStep ? (
          <>
            Drill {STEP_TITLES[drillStep]} ({DRILL_MINUTES} min)
            <span className="sr-only">
              {" "}
              on {scenarioTitle}, {level} level
            </span>
          </>
        ) : (
          <>
            Start a {level}-level interview<span className="sr-only"> on {scenarioTitle}</span>
          </>
        )}
      </button>
      {error && <ErrorNotice message={error} />}
    </div>
  );
}
