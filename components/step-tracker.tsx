import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";

/** The seven steps, with the current one marked and the finished ones ticked. */
export function StepTracker({
  current,
  completed,
  coverage = {},
}: {
  current: StepId;
  completed: boolean;
  coverage?: Partial<Record<StepId, number>>;
}) {
  const currentIndex = STEP_IDS.indexOf(current);
  return (
    <ol className="space-y-1 text-sm" aria-label="Interview steps" data-testid="step-tracker">
      {STEP_IDS.map((step, index) => {
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
            } ${done ? "text-zinc-500" : ""}`}
          >
            <span aria-hidden="true">{done ? "✓" : `${index + 1}.`}</span>
            <span className="flex-1">{STEP_TITLES[step]}</span>
            <span
              className="text-xs tabular-nums text-zinc-500"
              data-testid="step-coverage"
              title="Share of this level's rubric covered so far"
            >
              {Math.round((coverage[step] ?? 0) * 100)}%
            </span>
          </li>
        );
      })}
    </ol>
  );
}
