"use client";

import { useState } from "react";
import { DEFAULT_LEVEL, FOCUS_AREA_LABELS, FOCUS_AREAS, type FocusArea, type Level } from "@/lib/framework";
import type { ScenarioSummary } from "@/lib/scenarios/summary";
import { ErrorNotice } from "./error-notice";
import { LevelSelect } from "./level-select";
import { ScenarioCard } from "./scenario-card";
import { useStartInterview } from "./use-start-interview";

/** Scenario cards with focus-area filters, a level choice and the button that starts an interview. */
export function ScenarioPicker({ scenarios }: { scenarios: ScenarioSummary[] }) {
  const [level, setLevel] = useState<Level>(DEFAULT_LEVEL);
  const [minutes, setMinutes] = useState(45);
  const [focus, setFocus] = useState<FocusArea | null>(null);
  const { start, starting, error } = useStartInterview();
  const shown = focus ? scenarios.filter((s) => s.focusAreas.includes(focus)) : scenarios;

  return (
    <section className="space-y-4" aria-labelledby="scenarios-heading">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="scenarios-heading" className="text-xl font-semibold">
          Scenarios
        </h2>
        <div className="flex items-center gap-4">
          <LevelSelect value={level} onChange={setLevel} />
          <label className="flex items-center gap-2 text-sm">
            <span>Length</span>
            <select
              data-testid="minutes-select"
              value={minutes}
              onChange={(event) => setMinutes(Number(event.target.value))}
              className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            >
              {[30, 45, 60].map((m) => (
                <option key={m} value={m}>
                  {m} min
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <fieldset className="flex flex-wrap gap-2" aria-label="Filter by focus area">
        {[null, ...FOCUS_AREAS].map((area) => (
          <button
            key={area ?? "all"}
            type="button"
            data-testid={`focus-${area ?? "all"}`}
            aria-pressed={focus === area}
            onClick={() => setFocus(area)}
            className={`rounded-full border px-3 py-1 text-sm ${
              focus === area
                ? "border-indigo-600 bg-indigo-600 text-white"
                : "border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            }`}
          >
            {area ? FOCUS_AREA_LABELS[area] : "All"}
          </button>
        ))}
      </fieldset>
      {error && <ErrorNotice message={error} />}
      <p className="sr-only" aria-live="polite">
        {shown.length} scenarios shown
      </p>
      <ul className="grid gap-4 sm:grid-cols-2" data-testid="scenario-list">
        {shown.map((scenario) => (
          <li key={scenario.id}>
            <ScenarioCard
              scenario={scenario}
              level={level}
              starting={starting === scenario.id}
              disabled={starting !== null}
              onStart={(id) => start(id, level, minutes)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
