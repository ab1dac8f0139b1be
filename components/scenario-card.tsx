import Link from "next/link";
import { FOCUS_AREA_LABELS, type Level } from "@/lib/framework";
import type { ScenarioSummary } from "@/lib/scenarios/summary";

/** One scenario: what it is, what it exercises, a start button and its rubric, each named after it. */
export function ScenarioCard({
  scenario,
  level,
  starting,
  disabled,
  onStart,
}: {
  scenario: ScenarioSummary;
  /** The level the start button will use; it is part of the button's name. */
  level: Level;
  starting: boolean;
  disabled: boolean;
  onStart: (id: string) => void;
}) {
  return (
    <article
      data-testid={`scenario-${scenario.id}`}
      className="flex h-full flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div>
        <p className="text-xs uppercase tracking-wide text-muted">
          {scenario.domain} · {scenario.focusAreas.map((a) => FOCUS_AREA_LABELS[a]).join(", ")}
        </p>
        <h3 className="text-lg font-medium">{scenario.title}</h3>
      </div>
      <p className="text-sm text-muted">{scenario.summary}</p>
      <ul className="flex flex-wrap gap-1" aria-label="Exercises">
        {scenario.exercises.slice(0, 4).map((item) => (
          <li key={item} className="rounded bg-zinc-100 px-2 py-0.5 text-xs dark:bg-zinc-800">
            {item}
          </li>
        ))}
      </ul>
      <div className="mt-auto flex items-center gap-3">
        <button
          type="button"
          data-testid={`start-${scenario.id}`}
          disabled={disabled}
          onClick={() => onStart(scenario.id)}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {starting ? "Starting…" : "Start interview"}
          <span className="sr-only">
            {" "}
            on {scenario.title}, {level} level
          </span>
        </button>
        <Link
          href={`/scenarios/${scenario.id}`}
          data-testid={`rubric-${scenario.id}`}
          className="text-sm text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          Read the rubric<span className="sr-only"> of {scenario.title}</span>
        </Link>
      </div>
    </article>
  );
}
