/**
 * `npm run scenarios:check [FILE...]`: validates the scenario library (or the named files)
 * and prints counts per scenario. Exit 2 with the file and field on a bad file.
 */
import path from "node:path";
import { STEP_IDS } from "@/lib/framework";
import {
  loadScenarioFile,
  loadScenarioLibrary,
  loadTopicsFile,
  ScenarioFileError,
  TOPICS_FILE,
} from "@/lib/scenarios/load";
import type { Scenario } from "@/lib/scenarios/schema";

function words(value: string): number {
  return value.split(/\s+/).filter(Boolean).length;
}

function countScenario(s: Scenario) {
  const steps = STEP_IDS.map((step) => s.steps[step]);
  return {
    scenario: s.id,
    facts: s.facts.length,
    rubricItems: steps.reduce((n, c) => n + c.rubric.length, 0),
    followUps: steps.reduce((n, c) => n + c.followUps.length, 0),
    hints: steps.reduce((n, c) => n + c.hints.length, 0),
    passages: s.passages.length,
    passageWords: s.passages.reduce((n, p) => n + words(p.text), 0),
    referenceNumbers: s.referenceNumbers.length,
  };
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== "--json");
  const json = process.argv.includes("--json");
  const rows: Array<Record<string, string | number>> = [];
  let topicPassages = 0;
  if (args.length > 0) {
    for (const file of args) {
      if (path.basename(file) === TOPICS_FILE) topicPassages += loadTopicsFile(file).length;
      else rows.push(countScenario(loadScenarioFile(file)));
    }
  } else {
    const library = loadScenarioLibrary();
    for (const s of library.scenarios.values()) rows.push(countScenario(s));
    topicPassages = library.topics.length;
  }
  if (json) {
    console.log(JSON.stringify({ scenarios: rows, topicPassages }, null, 2));
    return;
  }
  console.table(rows);
  console.log(`${rows.length} scenarios valid; ${topicPassages} cross-cutting topic passages.`);
}

try {
  main();
} catch (error) {
  if (error instanceof ScenarioFileError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
