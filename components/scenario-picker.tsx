"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Level } from "@/lib/framework";
import type { ScenarioSummary } from "@/lib/scenarios/summary";
import { LevelSelect } from "./level-select";
import { ScenarioCard } from "./scenario-card";

/** Scenario cards, a level choice and the button that starts an interview. */
export function ScenarioPicker({ scenarios }: { scenarios: ScenarioSummary[] }) {
  const router = useRouter();
  const [level, setLevel] = useState<Level>("senior");
  const [starting, setStarting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start(scenarioId: string) {
    setStarting(scenarioId);
    setError(null);
    try {
      const response = await fetch("/api/interviews", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ scenarioId, level }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? "Could not start the interview.");
      router.push(`/interview/${body.id}`);
    } catch (caught) {
      setError((caught as Error).message);
      setStarting(null);
    }
  }

  return (
    <section className="space-y-4" aria-labelledby="scenarios-heading">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="scenarios-heading" className="text-xl font-semibold">
          Scenarios
        </h2>
        <LevelSelect value={level} onChange={setLevel} />
      </div>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <ul className="grid gap-4 sm:grid-cols-2">
        {scenarios.map((scenario) => (
          <li key={scenario.id}>
            <ScenarioCard
              scenario={scenario}
              starting={starting === scenario.id}
              disabled={starting !== null}
              onStart={start}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
