import type { ScenarioId } from "@/lib/framework";
import { loadScenarioLibrary, type ScenarioLibrary } from "./load";
import type { Scenario } from "./schema";

let cached: ScenarioLibrary | undefined;

/** The validated library, read once per process. */
export function getScenarioLibrary(): ScenarioLibrary {
  cached ??= loadScenarioLibrary();
  return cached;
}

/** Scenarios in the order of the id list (SCENARIO_IDS, docs/transcript-format.md). */
export function listScenarios(): Scenario[] {
  return [...getScenarioLibrary().scenarios.values()];
}

export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`Unknown scenario "${scenarioId}".`);
    this.name = "UnknownScenarioError";
  }
}

export function getScenario(id: string): Scenario {
  const scenario = getScenarioLibrary().scenarios.get(id as ScenarioId);
  if (!scenario) throw new UnknownScenarioError(id);
  return scenario;
}
