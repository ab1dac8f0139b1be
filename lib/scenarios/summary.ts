import { SCENARIO_IDS } from "@/lib/framework";
import { listScenarios } from "./library";
import type { Scenario } from "./schema";

/** What a scenario card shows; plain data so it can cross into client components. */
export interface ScenarioSummary {
  id: Scenario["id"];
  title: string;
  domain: string;
  summary: string;
  focusAreas: Scenario["focusAreas"];
  exercises: string[];
}

/** Every loaded scenario in the order of SCENARIO_IDS (docs/transcript-format.md), as card data. */
export function listScenarioSummaries(): ScenarioSummary[] {
  return listScenarios()
    .sort((a, b) => SCENARIO_IDS.indexOf(a.id) - SCENARIO_IDS.indexOf(b.id))
    .map(({ id, title, domain, summary, focusAreas, exercises }) => ({
      id,
      title,
      domain,
      summary,
      focusAreas,
      exercises,
    }));
}
