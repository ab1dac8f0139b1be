import type { Fact } from "@/lib/scenarios/schema";
import { containsPhrase, normalizeText } from "@/lib/text/normalize";

/**
 * The facts whose triggers match a candidate's question, best first (most matched triggers,
 * then longest trigger), at most `limit`: "how many users and what latency?" gets both.
 */
export function matchFacts(facts: Fact[], question: string, limit = 2): Fact[] {
  const text = normalizeText(question);
  return facts
    .map((fact) => {
      const matched = fact.triggers.map(normalizeText).filter((t) => containsPhrase(text, t));
      return {
        fact,
        score: matched.length === 0 ? 0 : matched.length * 100 + Math.max(...matched.map((t) => t.length)),
      };
    })
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((m) => m.fact);
}
