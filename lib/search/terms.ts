import { normalizeText } from "@/lib/text/normalize";
import { isStopword, stem } from "@/lib/text/stem";

/** One normalised word of a text: lower-case, ASCII, punctuation split. */
export function splitWords(text: string): string[] {
  return normalizeText(text).split(" ").filter(Boolean);
}

/** The index term of one word, or null for a stopword or a lone character. */
export function toTerm(word: string): string | null {
  return word.length > 1 && !isStopword(word) ? stem(word) : null;
}

/** The terms of a text in order, as both the index and the queries see them. */
export function searchTerms(text: string): string[] {
  return splitWords(text)
    .map(toTerm)
    .filter((term): term is string => term !== null);
}
