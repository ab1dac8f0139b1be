/** A sentence of a turn, with its exact position so that quotes are verbatim by construction. */
export interface Sentence {
  turn: number;
  start: number;
  text: string;
}

/**
 * Splits text at sentence ends and line breaks. A full stop inside a token ("0.5", "e.g.x")
 * does not end a sentence. Each sentence is the exact substring of the turn.
 */
export function splitSentences(content: string, turn: number): Sentence[] {
  const sentences: Sentence[] = [];
  const pattern = /[^\n.!?]*(?:[.!?](?!\s|$)[^\n.!?]*)*[.!?]*/g;
  for (const match of content.matchAll(pattern)) {
    const raw = match[0];
    if (!raw.trim()) continue;
    const leading = raw.length - raw.trimStart().length;
    sentences.push({ turn, start: (match.index ?? 0) + leading, text: raw.trim() });
  }
  return sentences;
}
