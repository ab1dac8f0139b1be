import type { RubricItem } from "@/lib/scenarios/schema";
import { containsPhrase, normalizeText } from "@/lib/text/normalize";

/** The evidence phrases of `item` that occur in `text`. */
export function matchedEvidence(item: RubricItem, text: string): string[] {
  const normalized = normalizeText(text);
  return item.evidence.filter((phrase) => containsPhrase(normalized, normalizeText(phrase)));
}

/** Ids of the rubric items whose evidence appears in `text`. */
export function coveredRubricItems(items: RubricItem[], text: string): string[] {
  return items.filter((item) => matchedEvidence(item, text).length > 0).map((item) => item.id);
}
