import { normalizeText } from "@/lib/text/normalize";

/**
 * What makes a sentence a claim rather than a mention: a number (not one inside a name such as
 * "recall@10" or "p99"), or a reason, a condition or a trade-off.
 */
const NUMBER =
  /(?:^|[\s(~≈$€£])\d[\d,]*(?:\.\d+)?(?:\s?(?:%|x|k|m|b|ms|s|gb|tb|mb|qps)\b)?|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b/i;
const REASONING =
  /\b(because|since|so that|so we|so the|which means|that means|therefore|thus|hence|trade-?offs?|instead of|rather than|at the cost of|versus|vs\.?|otherwise|unless|if|whereas|in order to|to avoid|to prevent|to keep|to make sure|to stop|but|however|costs?|cheaper|faster|slower|more expensive|risk|fails?|breaks?|when)\b/i;

export function hasNumber(sentence: string): boolean {
  return NUMBER.test(sentence);
}

export function hasReasoning(sentence: string): boolean {
  return REASONING.test(sentence);
}

/**
 * A run of short comma-separated fragments ("HNSW, NDCG, recall@k, A/B test, drift") names
 * concepts without saying anything about them: it earns no credit, whatever it contains.
 */
export function isKeywordList(sentence: string): boolean {
  const fragments = sentence
    .split(/[,;]|\s+(?:and|or)\s+/)
    .map((f) => f.trim())
    .filter(Boolean);
  if (fragments.length < 4) return false;
  const short = fragments.filter((f) => f.split(/\s+/).length <= 3).length;
  return short / fragments.length >= 0.7;
}

const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "avoid",
  "without",
  "instead",
  "rather",
  "dont",
  "don't",
  "wouldnt",
  "shouldnt",
  "isnt",
  "against",
  "unlike",
  "nor",
]);

/** True when the words just before `index` (a word offset in the normalised sentence) negate what follows. */
export function isNegatedAt(normalizedSentence: string, wordIndex: number): boolean {
  const words = normalizedSentence.split(" ");
  const window = words.slice(Math.max(0, wordIndex - 4), wordIndex);
  return window.some((w) => NEGATIONS.has(w));
}

export function normalizedWords(sentence: string): string[] {
  return normalizeText(sentence).split(" ").filter(Boolean);
}
