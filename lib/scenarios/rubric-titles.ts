import { STEP_IDS } from "@/lib/framework";
import { getScenario } from "./library";

/** Rubric item id -> title for one scenario, for reports that store ids only. */
export function rubricTitlesOf(scenarioId: string): Record<string, string> {
  const scenario = getScenario(scenarioId);
  return Object.fromEntries(
    STEP_IDS.flatMap((step) => scenario.steps[step].rubric.map((item) => [item.id, item.title])),
  );
}
