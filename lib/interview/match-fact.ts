import type { Fact } from "@/lib/scenarios/schema";
import { stemTokens } from "@/lib/scoring/match-phrase";
import { containsPhrase, normalizeText } from "@/lib/text/normalize";
import { isStopword } from "@/lib/text/stem";
import type { FactSimilarity } from "./fact-similarity";

/** Words that shape a request for a figure but say nothing about which figure. */
const REQUEST_WORDS = new Set(
  "many much know tell give roughly approximately approx expect expected typical number figure figures idea sense ok okay please like".split(
    " ",
  ),
);

/** Share of the question's weighted words a fact must contain to answer it. */
export const MIN_FACT_COVERAGE = 0.5;

function contentStems(text: string): string[] {
  return stemTokens(text).filter((t) => t.length > 1 && !isStopword(t) && !REQUEST_WORDS.has(t));
}

export interface FactMatch {
  fact: Fact;
  score: number;
}

/**
 * The facts a candidate's question asks for, best first, at most `limit`. A fact answers when
 * one of its triggers appears in the question, when its text and triggers hold most of the
 * question's words (weighted by how rare each word is among the scenario's facts, so "per
 * second at peak" finds the traffic fact even without the word "qps"), or when an embedder
 * finds the two close in meaning (`similarity.scores[i]` for `facts[i]`, when the caller has vectors).
 */
export function matchFacts(
  facts: Fact[],
  question: string,
  { limit = 2, similarity }: { limit?: number; similarity?: FactSimilarity } = {},
): Fact[] {
  return scoreFacts(facts, question, similarity)
    .slice(0, limit)
    .map((m) => m.fact);
}

export function scoreFacts(facts: Fact[], question: string, similarity?: FactSimilarity): FactMatch[] {
  const text = normalizeText(question);
  const documents = facts.map((f) => new Set(contentStems(`${f.triggers.join(" ")} ${f.answer}`)));
  const idf = (term: string) => {
    const df = documents.filter((d) => d.has(term)).length;
    return Math.log(1 + facts.length / (1 + df));
  };
  const asked = [...new Set(contentStems(question))];
  const totalWeight = asked.reduce((sum, t) => sum + idf(t), 0);
  return facts
    .map((fact, i) => {
      const triggered = fact.triggers.map(normalizeText).some((t) => containsPhrase(text, t));
      const covered = asked.filter((t) => documents[i]?.has(t)).reduce((sum, t) => sum + idf(t), 0);
      const coverage = totalWeight === 0 ? 0 : covered / totalWeight;
      const cosine = similarity?.scores[i] ?? 0;
      const matches =
        triggered || coverage >= MIN_FACT_COVERAGE || (similarity ? cosine >= similarity.threshold : false);
      return { fact, score: matches ? (triggered ? 1 : 0) + coverage + cosine : 0 };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** The facts one of whose triggers a sentence uses: it names the fact, whatever else it asks. */
export function factsNamedIn(facts: Fact[], sentence: string): Fact[] {
  const text = normalizeText(sentence);
  return facts.filter((f) => f.triggers.map(normalizeText).some((t) => containsPhrase(text, t)));
}
