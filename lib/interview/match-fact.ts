import type { Fact } from "@/lib/scenarios/schema";
import { stemTokens } from "@/lib/scoring/match-phrase";
import { containsPhrase, normalizeText } from "@/lib/text/normalize";
import { isStopword } from "@/lib/text/stem";
import type { FactSimilarity } from "./fact-similarity";

/** Words that shape a request for a figure but say nothing about which figure. */
const REQUEST_WORDS = new Set(
  "many much know tell give roughly approximately approx expect expected typical number figure figures idea sense ok okay please like want wonder wondering curious next first then also btw".split(
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

export function scoreFacts(facts: Fact[], typed: string, similarity?: FactSimilarity): FactMatch[] {
  const question = correctTypos(typed, facts);
  const text = normalizeText(question);
  const documents = facts.map((f) => new Set(contentStems(`${f.triggers.join(" ")} ${f.answer}`)));
  const idf = (term: string) => {
    const df = documents.filter((d) => d.has(term)).length;
    return Math.log(1 + facts.length / (1 + df));
  };
  const known = new Set(documents.flatMap((d) => [...d]));
  // A short word no fact uses is a typed function word ("hwo", "hav"), not a subject.
  const asked = [...new Set(contentStems(question))].filter((t) => t.length > 3 || known.has(t));
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

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    const [i, j] = diff;
    return diff.length === 2 && j === (i ?? 0) + 1 && a[i ?? 0] === b[j] && a[j] === b[i ?? 0];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/**
 * A typed question has typos ("hwo many usres"): each word of five letters or more that no fact
 * uses is read as the one fact word a single edit away, when there is exactly one.
 */
export function correctTypos(question: string, facts: Fact[]): string {
  const vocabulary = new Set(
    facts.flatMap((f) => normalizeText(`${f.triggers.join(" ")} ${f.answer}`).split(" ")).filter((w) => w.length >= 4),
  );
  return normalizeText(question)
    .split(" ")
    .map((word) => {
      if (word.length < 5 || vocabulary.has(word) || isStopword(word)) return word;
      const near = [...vocabulary].filter((known) => oneEditApart(word, known));
      return near.length === 1 ? (near[0] as string) : word;
    })
    .join(" ");
}

/**
 * The parts of a question that asks several things at once ("how many users do we have, and
 * how fast must it be?"): split before each new question word after a comma or "and", so each
 * part can find its own fact.
 */
export function questionParts(question: string): string[] {
  return question
    .split(
      /(?:[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus)\s+|\?\s*)(?=(?:how|what|what's|whats|which|when|where|who|why|is|are|do|does|did|can|could|will|would|any)\b)/i,
    )
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
