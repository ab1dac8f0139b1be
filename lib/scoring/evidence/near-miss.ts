/**
 * A near miss: the candidate used a phrase of the rubric's with one word changed ("multi-class
 * classification" where the item asks for "multi-label classification"). It keeps the phrase's
 * last word (its head) and all its other words, so it is the same kind of thing, said inexactly.
 */
export interface NearMiss {
  /** The rubric's phrase, as the scenario writes it. */
  expected: string;
  /** The candidate's words in its place (stems). */
  said: string;
}

/**
 * The first evidence phrase of two or more words that the sentence uses with exactly one
 * non-final word replaced, or null. `phrases` and `tokens` are stems; `raw` are the phrases as written.
 */
export function findNearMiss(tokens: string[], phrases: string[][], raw: string[]): NearMiss | null {
  for (const [p, phrase] of phrases.entries()) {
    if (phrase.length < 2 || phrase.length > 4) continue;
    const head = phrase[phrase.length - 1] as string;
    for (let end = 0; end < tokens.length; end++) {
      if (tokens[end] !== head) continue;
      const start = end - (phrase.length - 1);
      if (start < 0) continue;
      const window = tokens.slice(start, end + 1);
      const differing = window.flatMap((t, i) => (t !== phrase[i] ? [i] : []));
      if (differing.length !== 1) continue;
      const i = differing[0] as number;
      const said = window[i] as string;
      // A number or a one-letter token in the slot is not a word choice.
      if (said.length < 3 || /\d/.test(said) || phrase.includes(said)) continue;
      return { expected: raw[p] ?? phrase.join(" "), said: window.join(" ") };
    }
  }
  return null;
}
