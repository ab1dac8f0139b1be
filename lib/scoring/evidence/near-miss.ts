import { isStopword } from "@/lib/text/stem";

/**
 * A near miss: the candidate used a phrase of the rubric's with one word changed ("multi-class
 * classification" where the item asks for "multi-label classification"). It keeps the phrase's
 * last word (its head, unless the phrase ends in a hyphenated compound) and all its other words,
 * so it is the same kind of thing, said inexactly.
 */
export interface NearMiss {
  /** The rubric's phrase, as the scenario writes it. */
  expected: string;
  /** The candidate's words in its place: stems, or the sentence's own words when the caller maps them back. */
  said: string;
  /** Where the candidate's words start, as a word offset, and how many there are. */
  at: number;
  length: number;
}

/**
 * The first evidence phrase of two or more words that the sentence uses with exactly one
 * word replaced, or null. `phrases` and `tokens` are stems; `raw` are the phrases as written.
 */
export function findNearMiss(tokens: string[], phrases: string[][], raw: string[]): NearMiss | null {
  for (const [p, phrase] of phrases.entries()) {
    if (phrase.length < 2 || phrase.length > 4) continue;
    // In a hyphenated compound ("multi-label") the last part may be the one changed ("multi-class"):
    // the compound's first part keeps it the same kind of thing.
    const compound = /[a-z0-9]-[a-z0-9]+\s*$/i.test(raw[p] ?? "");
    for (let start = 0; start + phrase.length <= tokens.length; start++) {
      const window = tokens.slice(start, start + phrase.length);
      const differing = window.flatMap((t, i) => (t !== phrase[i] ? [i] : []));
      if (differing.length !== 1) continue;
      const i = differing[0] as number;
      if (i === phrase.length - 1 && !compound) continue;
      const said = window[i] as string;
      // A number, a short word or a stop word in the slot is not a word choice.
      if (said.length < 3 || !/^[a-z]+$/.test(said) || isStopword(said) || phrase.includes(said)) continue;
      return { expected: raw[p] ?? phrase.join(" "), said: window.join(" "), at: start, length: phrase.length };
    }
  }
  return null;
}
