import type { ScenarioId } from "@/lib/framework";
import { STEP_IDS } from "@/lib/framework";
import type { Scenario } from "@/lib/scenarios/schema";
import { normalizeText } from "@/lib/text/normalize";
import { isStopword, stem } from "@/lib/text/stem";

/**
 * Which problem a text is about: the candidate's words are compared, as IDF-weighted vectors,
 * with the vocabulary of each of the thirteen scenarios. Words every scenario uses ("model",
 * "latency") weigh nothing; words few use ("chargeback", "auction") weigh most.
 */
export interface TopicModel {
  idf: Map<string, number>;
  vectors: Map<ScenarioId, Map<string, number>>;
}

function scenarioText(s: Scenario): string {
  const steps = STEP_IDS.map((step) => s.steps[step]);
  return [
    s.title,
    s.domain,
    s.summary,
    s.prompt,
    ...s.exercises,
    ...s.facts.flatMap((f) => [f.answer, ...f.triggers]),
    ...steps.flatMap((c) => [c.question, c.reference, ...c.rubric.flatMap((r) => [r.title, r.earns, ...r.evidence])]),
    ...s.passages.map((p) => `${p.title} ${p.text}`),
  ].join(" ");
}

export function topicStems(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter((w) => w.length >= 4 && !/\d/.test(w) && !isStopword(w))
    .map(stem);
}

function counts(stems: string[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const s of stems) result.set(s, (result.get(s) ?? 0) + 1);
  return result;
}

function weigh(termCounts: Map<string, number>, idf: Map<string, number>): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [term, n] of termCounts) {
    const w = (1 + Math.log(n)) * (idf.get(term) ?? 0);
    if (w > 0) {
      vector.set(term, w);
      norm += w * w;
    }
  }
  norm = Math.sqrt(norm);
  for (const [term, w] of vector) vector.set(term, w / norm);
  return vector;
}

export function buildTopicModel(scenarios: Scenario[]): TopicModel {
  const perScenario = new Map(scenarios.map((s) => [s.id, counts(topicStems(scenarioText(s)))]));
  const df = new Map<string, number>();
  for (const c of perScenario.values()) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const idf = new Map([...df].map(([term, n]) => [term, Math.log(scenarios.length / n)]));
  const vectors = new Map([...perScenario].map(([id, c]) => [id, weigh(c, idf)]));
  return { idf, vectors };
}

/**
 * How much `text` is about `scenarioId` relative to the scenario it matches best: 1 when it
 * is the best match, near 0 when another scenario's vocabulary fits far better.
 */
export function relativeAffinity(model: TopicModel, text: string, scenarioId: ScenarioId): number {
  const vector = weigh(counts(topicStems(text)), model.idf);
  if (vector.size === 0) return 0;
  const scores = new Map<ScenarioId, number>();
  for (const [id, own] of model.vectors) {
    let dot = 0;
    for (const [term, w] of vector) dot += w * (own.get(term) ?? 0);
    scores.set(id, dot);
  }
  const best = Math.max(...scores.values());
  return best > 0 ? (scores.get(scenarioId) ?? 0) / best : 0;
}
