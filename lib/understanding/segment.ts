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
    starts.forEach((start, i) => {
      const span = trimmedSpan(message, from + start, from + (starts[i + 1] ?? line.length));
      if (span) spans.push(span);
    });
  }
  return spans;
}
