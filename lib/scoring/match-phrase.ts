import { normalizeText } from "@/lib/text/normalize";
import { stem } from "@/lib/text/stem";

/** Normalised, stemmed tokens: "Calibrated probabilities" and "calibrated probability" meet. */
export function stemTokens(text: string): string[] {
  return (
    normalizeText(text)
      .split(" ")
      .filter(Boolean)
      .map((t) => stem(t.replace(/\.$/, "")))
      // Rubric matching also folds a final "e", so "downsample" meets "downsampling" ("downsampl").
      .map((t) => (t.length > 4 && t.endsWith("e") ? t.slice(0, -1) : t))
  );
}

/** Extra words a multi-word phrase may stretch over: "downsample the negatives" meets "negative downsampling". */
const SLACK = 2;

/**
 * The word offset where all of `phrase`'s stems occur within a window of its length plus SLACK,
 * in any order, or -1. Both sides are stemmed with stemTokens.
 */
export function findPhrase(sentenceTokens: string[], phraseTokens: string[]): number {
  if (phraseTokens.length === 0 || phraseTokens.length > sentenceTokens.length) return -1;
  const width = phraseTokens.length === 1 ? 1 : phraseTokens.length + SLACK;
  for (let i = 0; i < sentenceTokens.length; i++) {
    if (!phraseTokens.includes(sentenceTokens[i] as string)) continue;
    const window = sentenceTokens.slice(i, i + width);
    const remaining = [...window];
    const all = phraseTokens.every((token) => {
      const at = remaining.indexOf(token);
      if (at === -1) return false;
      remaining.splice(at, 1);
      return true;
    });
    if (all) return i;
  }
  return -1;
}
