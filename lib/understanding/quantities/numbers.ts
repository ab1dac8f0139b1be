/**
 * Number spans of a text: Microsoft's recognizer reads magnitudes and words ("1 billion", "10k",
 * "1e9", "two hundred"); a digit pattern catches what it leaves out (numbers glued to a unit such
 * as "5ms", "64GB", "128d") and fixes its fractions of a magnitude ("half a million").
 */

import { NumberRecognizer } from "@microsoft/recognizers-text-number";
import { MAGNITUDE_SUFFIXES } from "@/lib/format/parse-number-input";

export interface NumberSpan {
  start: number;
  /** Exclusive. */
  end: number;
  value: number;
  /** "a"/"an" read as one before a unit ("a kilobyte", "under a millisecond", "a year of logs"). */
  article?: true;
}

type NumberModel = ReturnType<NumberRecognizer["getNumberModel"]>;
// Building the recognizer's model compiles hundreds of regular expressions (about 15 ms), so once.
let model: NumberModel | undefined;
function numberModel(): NumberModel {
  model ??= new NumberRecognizer("en-us").getNumberModel();
  return model;
}

const MAGNITUDE = MAGNITUDE_SUFFIXES;
const WORD_NUMBER: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10 };

/** "half a million", "a quarter billion", "one and a half billion": the recognizer gets these wrong. */
function fractionOfMagnitude(text: string): number | undefined {
  const match =
    /^(?:(\w+) and )?(?:a |an )?(half|quarter)(?: of)? (?:a |an )?(thousand|million|billion|trillion)$/i.exec(
      text.trim(),
    );
  if (!match) return undefined;
  const whole = match[1] ? (WORD_NUMBER[match[1].toLowerCase()] ?? Number(match[1])) : 0;
  const part = match[2]?.toLowerCase() === "half" ? 0.5 : 0.25;
  return (whole + part) * (MAGNITUDE[match[3]?.toLowerCase() ?? ""] ?? 1);
}

// Digits with an optional exponent and magnitude; the magnitude letter must end a word ("10k", not
// "10kb"). A capital B set apart by a space is the byte ("10 billion × 500 B"), as in unit tables;
// glued to the number it is a billion ("1B users").
const DIGITS =
  /(?<![\w.^])(\d+(?:,\d{3})*(?:\.\d+)?(?:e[+-]?\d+)?)(?:(?:\s(?!B\b)|)(thousand|million|billion|trillion|bn|mm|[kmbt])\b)?/gi;

function digitSpans(text: string): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const value = Number(match[1]?.replace(/,/g, "")) * (MAGNITUDE[match[2]?.toLowerCase() ?? ""] ?? 1);
    if (Number.isFinite(value)) spans.push({ start: match.index, end: match.index + match[0].length, value });
  }
  return spans;
}

/**
 * Vague quantifiers of everyday English, read as the figure a speaker means by them (general usage,
 * not taken from any test sentence): "a couple of" 2, "a few" 3, "several" 5, "a handful of" 5, "a single" 1.
 */
const VAGUE: Record<string, number> = {
  "a couple of": 2,
  "a couple": 2,
  "a pair of": 2,
  // "a single node is enough": one, said with emphasis.
  "a single": 1,
  "a few": 3,
  several: 5,
  "a handful of": 5,
};
// "a couple of terabytes", "a few hundred gigs", "several thousand": a vague quantifier, optionally
// scaled by a magnitude word; "half a petabyte", "a quarter of a terabyte": a fraction of one unit.
const VAGUE_SPAN = new RegExp(
  `\\b(?:(${Object.keys(VAGUE)
    .sort((a, b) => b.length - a.length)
    .join("|")})(?:\\s+(hundred|thousand|million|billion|trillion))?|(?:a\\s+)?(half|quarter)(?:\\s+of)?\\s+an?)\\b`,
  "gi",
);
const SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/** Spans of vague quantifiers and of "half a"/"a quarter of a" before a unit; the recognizer misses both. */
export function vagueSpans(text: string): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (const m of text.matchAll(VAGUE_SPAN)) {
    const after = text.slice(m.index + m[0].length);
    let value: number;
    if (m[1]) {
      value = (VAGUE[m[1].toLowerCase().replace(/\s+/g, " ")] ?? 1) * (SCALE[m[2]?.toLowerCase() ?? ""] ?? 1);
    } else {
      // "half a million" is the recognizer's (fixed by fractionOfMagnitude); here only "half a <unit>".
      if (/^\s+(?:thousand|million|billion|trillion)\b/i.test(after)) continue;
      value = m[3]?.toLowerCase() === "half" ? 0.5 : 0.25;
    }
    spans.push({ start: m.index, end: m.index + m[0].length, value });
  }
  return spans;
}

/**
 * The article as the number one before a unit word (general English): "a kilobyte", "in under a
 * millisecond", "a year of retention", "a week's worth". Not after "once"/"twice" ("twice a day"
 * is a frequency); the parser drops one that a number's own period already covers ("5k a second").
 */
const ARTICLE_UNIT =
  /\b(?<!\b(?:once|twice|thrice|times)\s+)(an?)\s+(?=(?:kilo|mega|giga|tera|peta)bytes?\b|[KMGTP]i?B\b|byte\b|(?:milli|micro)?seconds?\b|minute\b|hour\b|day\b|week\b|month\b|year\b)/gi;

export function articleSpans(text: string): NumberSpan[] {
  return [...text.matchAll(ARTICLE_UNIT)].map((m) => ({
    start: m.index,
    end: m.index + (m[1]?.length ?? 1),
    value: 1,
    article: true as const,
  }));
}

/** The longest piece of text the recognizer reads at once; its patterns slow down super-linearly on long input. */
const RECOGNIZER_WINDOW = 200;
/** A run of letters and digits longer than this (48) is no number a person writes: the recognizer skips its window. */
const LONG_WORD = /[\p{L}\p{N}]{49}/u;

/**
 * The text cut into pieces of at most RECOGNIZER_WINDOW characters for the recognizer, at a
 * clause mark (`,;:` or a line break) when there is one, else at a space, so its work grows
 * linearly with the message. A spelled-out number ("two hundred and fifty thousand") is far
 * shorter than a window, and a window rarely ends inside one; the digit pattern reads digits anywhere.
 */
export function recognizerWindows(text: string): Array<{ start: number; text: string }> {
  const windows: Array<{ start: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    while (start < text.length && /\s/.test(text[start] ?? "")) start += 1;
    if (start >= text.length) break;
    let end = Math.min(text.length, start + RECOGNIZER_WINDOW);
    if (end < text.length) {
      const piece = text.slice(start, end);
      const clause = Math.max(
        piece.lastIndexOf(","),
        piece.lastIndexOf(";"),
        piece.lastIndexOf(":"),
        piece.lastIndexOf("\n"),
      );
      const space = piece.search(/\s\S*$/);
      const cut = clause > RECOGNIZER_WINDOW / 2 ? clause + 1 : space > 0 ? space : RECOGNIZER_WINDOW;
      end = start + cut;
    }
    const piece = text.slice(start, end);
    if (!LONG_WORD.test(piece)) windows.push({ start, text: piece });
    start = end;
  }
  return windows;
}

/** Every number in the text, in order, with its value (magnitudes applied). */
export function numberSpans(text: string): NumberSpan[] {
  // The characters a kept span covers: checking a new span reads only its own characters, so a
  // message with thousands of numbers stays linear (comparing every pair of spans did not).
  const taken = new Uint8Array(text.length);
  const spans: NumberSpan[] = [];
  const keep = (span: NumberSpan) => {
    for (let i = span.start; i < span.end; i += 1) if (taken[i]) return;
    taken.fill(1, span.start, span.end);
    spans.push(span);
  };
  for (const span of vagueSpans(text)) keep(span);
  for (const span of articleSpans(text)) keep(span);
  const recognized = recognizerWindows(text).flatMap((window) =>
    numberModel()
      .parse(window.text)
      .map((result) => ({ start: window.start + result.start, end: window.start + result.end + 1, result })),
  );
  for (const { start, end, result } of recognized) {
    const spanText = text.slice(start, end);
    // "500 B" set apart by a space is 500 bytes (the digit pattern reads it); the recognizer says 500 billion.
    if (/\d\s+B$/.test(spanText)) continue;
    const value = fractionOfMagnitude(spanText) ?? Number(result.resolution?.value);
    const span = { start, end, value };
    // A span the recognizer could not resolve ("4 in 2023" is NaN) is left to the digit pattern; a
    // vague quantifier it half-read ("half" of "half a petabyte") stays the vague reading.
    if (Number.isFinite(value)) keep(span);
  }
  for (const span of digitSpans(text)) keep(span);
  return spans.sort((a, b) => a.start - b.start);
}
