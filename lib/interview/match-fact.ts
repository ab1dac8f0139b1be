import type { Fact } from "@/lib/scenarios/schema";
import { containsPhrase, normalizeText } from "@/lib/text/normalize";

/** The fact whose triggers best match a candidate's question (most matched triggers, then longest), or null. */
export function matchFact(facts: Fact[], question: string): Fact | null {
  const text = normalizeText(question);
  let best: { fact: Fact; score: number } | null = null;
  for (const fact of facts) {
    const matched = fact.triggers.map(normalizeText).filter((t) => containsPhrase(text, t));
    if (matched.length === 0) continue;
    const score = matched.length * 100 + Math.max(...matched.map((t) => t.length));
    if (!best || score > best.score) best = { fact, score };
  }
  return best?.fact ?? null;
}
