import type { NewPassageRow } from "@/db/schema";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { contentHash } from "./content-hash";

export interface ScenarioSeedRow {
  id: string;
  title: string;
  content: unknown;
  contentHash: string;
}

/** The rows a library seeds: one per scenario, one per passage (cross-cutting topics have no scenario). */
export function libraryRows(library: ScenarioLibrary): { scenarios: ScenarioSeedRow[]; passages: NewPassageRow[] } {
  const scenarios = [...library.scenarios.values()].map((s) => ({
    id: s.id,
    title: s.title,
    content: s,
    contentHash: contentHash(s),
  }));
  const passages: NewPassageRow[] = [];
  const seen = new Set<string>();
  const add = (row: Omit<NewPassageRow, "contentHash">) => {
    if (seen.has(row.id)) throw new Error(`Passage id "${row.id}" is used twice in the scenario library.`);
    seen.add(row.id);
    const { id, scenarioId, steps, title, text, sources } = row;
    passages.push({ ...row, contentHash: contentHash({ id, scenarioId, steps, title, text, sources }) });
  };
  for (const s of library.scenarios.values()) {
    for (const p of s.passages) {
      add({ id: p.id, scenarioId: s.id, steps: [p.step], title: p.title, text: p.text.trim(), sources: p.sources });
    }
  }
  for (const p of library.topics) {
    add({ id: p.id, scenarioId: null, steps: p.steps, title: p.title, text: p.text.trim(), sources: p.sources });
  }
  return { scenarios, passages };
}
