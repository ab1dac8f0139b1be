import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";

/**
 * The steps of the interview, with the current one marked and the finished ones ticked. A drill
 * practises one step, so it shows only that one.
 */
export function StepTracker({
  current,
  completed,
  coverage = {},
  drillStep,
}: {
  current: StepId;
  completed: boolean;
  coverage?: Partial<Record<StepId, number>>;
  drillStep?: StepId;
}) {
  const steps = drillStep ? [drillStep] : STEP_IDS;
  const currentIndex = steps.indexOf(current);
  return (
    <ol
      className="space-y-1 text-sm"
      aria-label={drillStep ? "Drill step" : "Interview steps"}
      data-testid="step-tracker"
    >
      {steps.map((step, index) => {
        const done = completed || index < currentIndex;
        const active = !completed && index === currentIndex;
        return (
          <li
            key={step}
            data-testid={`step-${step}`}
            data-state={active ? "current" : done ? "done" : "upcoming"}
            aria-current={active ? "step" : undefined}
            className={`flex items-center gap-2 rounded px-2 py-1 ${
              active ? "bg-indigo-50 font-medium text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100" : ""
            } ${done ? "text-muted" : ""}`}
          >
            <span aria-hidden="true">{done ? "✓" : `${index + 1}.`}</span>
            <span className="flex-1">
              {STEP_TITLES[step]}
              {done && <span className="sr-only"> (done)</span>}
            </span>
            <span className="text-xs tabular-nums text-muted">
              <span className="sr-only">score so far </span>
              <span data-testid="step-coverage">{Math.round((coverage[step] ?? 0) * 100)}%</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
