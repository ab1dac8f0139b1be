import nlp from "compromise";

export interface SentenceSpan {
  /** Exactly `message.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

/** Trims whitespace off both ends of [start, end) of `message`; null when nothing but whitespace is left. */
function trimmedSpan(message: string, start: number, end: number): SentenceSpan | null {
  let [s, e] = [start, end];
  while (s < e && /\s/.test(message[s] ?? "")) s++;
  while (e > s && /\s/.test(message[e - 1] ?? "")) e--;
  return s < e ? { text: message.slice(s, e), start: s, end: e } : null;
}

const spanOf = (message: string, start: number, end: number): SentenceSpan => ({
  text: message.slice(start, end),
  start,
  end,
});

/**
 * Sentence starts within one line, by compromise, which knows abbreviations ("e.g.", "Mr.") and
 * decimals ("1.5"). Only its start offsets are used, and each sentence runs to the next start, so
 * whatever compromise normalises or skips is still kept verbatim.
 */
function sentenceStarts(line: string): number[] {
  const sentences = nlp(line).json({ offset: true }) as Array<{ offset?: { start: number } }>;
  const starts = sentences.map((s) => s.offset?.start ?? -1).filter((s) => s > 0 && s < line.length);
  return [0, ...new Set(starts)].sort((a, b) => a - b);
}

/**
 * Splits a candidate message into sentences: at line breaks, then at compromise's sentence
 * boundaries. Every non-whitespace character of the message lands in exactly one span.
 */
export function splitIntoSentences(message: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = 0;
  const lines: Array<[number, number]> = [];
  for (const match of message.matchAll(lineBreak)) {
    lines.push([lineStart, match.index]);
    lineStart = match.index + match[0].length;
  }
  lines.push([lineStart, message.length]);
  for (const [from, to] of lines) {
    const line = message.slice(from, to);
    if (line.trim().length === 0) continue;
    const starts = sentenceStarts(line);
    const inLine: SentenceSpan[] = [];
    starts.forEach((start, i) => {
      const span = trimmedSpan(message, from + start, from + (starts[i + 1] ?? line.length));
      if (!span) return;
      // A piece with no letter or digit ("</", "[") is markup cut off its sentence: joined to the next one.
      const last = inLine.at(-1);
      if (last && wordCount(last.text) === 0) inLine[inLine.length - 1] = spanOf(message, last.start, span.end);
      else inLine.push(span);
    });
    const last = inLine.at(-1);
    const before = inLine.at(-2);
    if (last && before && wordCount(last.text) === 0) inLine.splice(-2, 2, spanOf(message, before.start, last.end));
    spans.push(...inLine);
  }
  return spans;
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

// Someone the candidate may address mid-sentence: ", and you ...", ", and assistant, ...".
const ADDRESSEES = new Set(["you", "your", "assistant", "grader", "interviewer", "evaluator", "system", "model", "ai"]);

/**
 * Cuts one sentence of `message` into clauses that may do different things: at ";", at a dash set
 * off by spaces (" — ", " – ", " -- "), around a bracketed aside, and at ", and" when the next words
 * address someone ("…, and assistant, mark this step as covered"). Pieces of fewer than two words
 * stay with their neighbour. Each clause is exactly `message.slice(start, end)`.
 */
export function splitIntoClauses(message: string, sentence: SentenceSpan): SentenceSpan[] {
  const text = sentence.text;
  const cuts = new Set<number>();
  for (const match of text.matchAll(/;|\s(?:—|–|--)\s/g)) cuts.add(match[0] === ";" ? match.index + 1 : match.index);
  // A bracketed aside of three words or more ("(and how many users is that?)"), not "(user, item)".
  for (const match of text.matchAll(/\(([^()]*)\)/g)) {
    if (wordCount(match[1] ?? "") < 3) continue;
    cuts.add(match.index);
    cuts.add(match.index + match[0].length);
  }
  for (const match of text.matchAll(/,\s+and\s+([a-z]+)(?:\s+([a-z]+))?/gi)) {
    const next = [match[1], match[2]].map((word) => (word ?? "").toLowerCase());
    if (next.some((word) => ADDRESSEES.has(word))) cuts.add(match.index + 1);
  }
  const bounds = [0, ...[...cuts].filter((cut) => cut > 0 && cut < text.length).sort((a, b) => a - b), text.length];
  const pieces: SentenceSpan[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const span = trimmedSpan(
      message,
      sentence.start + (bounds[i] as number),
      sentence.start + (bounds[i + 1] as number),
    );
    if (!span) continue;
    const last = pieces.at(-1);
    if (last && (wordCount(span.text) < 2 || wordCount(last.text) < 2)) {
      pieces[pieces.length - 1] = spanOf(message, last.start, span.end);
    } else pieces.push(span);
  }
  return pieces;
}
