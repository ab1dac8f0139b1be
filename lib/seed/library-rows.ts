import type { NewPassageRow } from "@/db/schema";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { chunkPassage } from "./chunk-passage";
import { contentHash } from "./content-hash";

export interface ScenarioSeedRow {
  id: string;
  title: string;
  content: unknown;
  contentHash: string;
}

interface PassageSource {
  id: string;
  scenarioId: string | null;
  steps: string[];
  title: string;
  text: string;
  sources: string[];
}

/** The text an embedding is computed from: the title carries much of a passage's topic. */
export function embeddingText(row: { title: string; text: string }): string {
  return `${row.title}. ${row.text}`;
}

function passageSources(library: ScenarioLibrary): PassageSource[] {
  const fromScenarios = [...library.scenarios.values()].flatMap((s) =>
    s.passages.map((p) => ({
      id: p.id,
      scenarioId: s.id,
      steps: [p.step],
      title: p.title,
      text: p.text,
      sources: p.sources,
    })),
  );
  const fromTopics = library.topics.map((p) => ({
    id: p.id,
    scenarioId: null,
    steps: p.steps,
    title: p.title,
    text: p.text,
    sources: p.sources,
  }));
  return [...fromScenarios, ...fromTopics];
}

/** The rows a library seeds: one per scenario, one per passage chunk (cross-cutting topics have no scenario). */
export function libraryRows(library: ScenarioLibrary): { scenarios: ScenarioSeedRow[]; passages: NewPassageRow[] } {
  const scenarios = [...library.scenarios.values()].map((s) => ({
    id: s.id,
    title: s.title,
    content: s,
    contentHash: contentHash(s),
  }));
  const passages: NewPassageRow[] = [];
  const seen = new Set<string>();
  for (const source of passageSources(library)) {
    if (seen.has(source.id)) throw new Error(`Passage id "${source.id}" is used twice in the scenario library.`);
    seen.add(source.id);
    for (const chunk of chunkPassage(source.id, source.text)) {
      const row = {
        id: chunk.id,
        passageId: source.id,
        scenarioId: source.scenarioId,
        steps: source.steps,
        title: source.title,
        text: chunk.text,
        sources: source.sources,
      };
      passages.push({ ...row, contentHash: contentHash(row) });
    }
  }
  return { scenarios, passages };
}
