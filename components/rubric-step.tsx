import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { RubricItem } from "@/lib/scenarios/schema";

/** One step of a published rubric: its opening question and the items expected at a level. */
export function RubricStep({
  step,
  question,
  items,
  hiddenAbove,
}: {
  step: StepId;
  question: string;
  items: RubricItem[];
  hiddenAbove: number;
}) {
  return (
    <section aria-labelledby={`rubric-${step}`} className="space-y-3" data-testid={`rubric-step-${step}`}>
      <h2 id={`rubric-${step}`} className="text-xl font-semibold">
        {STEP_TITLES[step]}
      </h2>
      <p className="text-sm italic text-muted">“{question}”</p>
      <ul className="space-y-3">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="rubric-item"
            className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-medium">{item.title}</h3>
              <span className="text-xs text-muted">
                {item.level}+ · weight {item.weight}
              </span>
            </div>
            <p className="mt-1 text-sm">{item.earns}</p>
            <p className="mt-2 text-xs text-muted">
              <span className="font-medium">Evidence:</span> {item.evidence.join(", ")}
            </p>
            {item.mistakes.length > 0 && (
              <p className="mt-1 text-xs text-muted">
                <span className="font-medium">Loses it:</span> {item.mistakes.map((m) => m.text).join(" ")}
              </p>
            )}
          </li>
        ))}
      </ul>
      {hiddenAbove > 0 && (
        <p className="text-xs text-muted">
          {hiddenAbove} more {hiddenAbove === 1 ? "item is" : "items are"} expected at a higher level.
        </p>
      )}
    </section>
  );
}
