/**
 * Units written after a number, which the recognizer does not read ("5 ms", "per second"):
 * sizes (decimal and binary, bits and bytes), durations, rates normalised to per second,
 * percentages, vector dimensions and bytes per value.
 */
import type { QuantityKind } from "../types";

export const SECONDS: Record<string, number> = {
  second: 1,
  sec: 1,
  s: 1,
  minute: 60,
  min: 60,
  hour: 3_600,
  hr: 3_600,
  h: 3_600,
  day: 86_400,
  week: 604_800,
  month: 2_592_000,
  year: 31_536_000,
};

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  byte: 1,
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  kilobyte: 1e3,
  megabyte: 1e6,
  gigabyte: 1e9,
  terabyte: 1e12,
  petabyte: 1e15,
  // Spoken shorthand for sizes, in general use: "a few hundred gigs", "50 megs".
  meg: 1e6,
  gig: 1e9,
};
const BIT_PREFIX: Record<string, number> = {
  "": 1,
  k: 1e3,
  kilo: 1e3,
  m: 1e6,
  mega: 1e6,
  g: 1e9,
  giga: 1e9,
  t: 1e12,
  tera: 1e12,
};

/** A unit read right after a number: how far it reaches and what it turns the number into. */
export interface UnitReading {
  kind: QuantityKind;
  /** Multiplies the number into the base unit of `kind`. */
  factor: number;
  unit: string;
  length: number;
  what?: string;
}

/** Adverbs and adjectives of a period (general English): "daily", "weekly", "annually". */
export const PERIOD_WORDS: Record<string, number> = {
  hourly: 3_600,
  daily: 86_400,
  nightly: 86_400,
  weekly: 604_800,
  monthly: 2_592_000,
  yearly: 31_536_000,
  annually: 31_536_000,
};

/** "per second", "a day", "/s", "daily", "each hour", "annually": seconds in the period, with the words. */
export const PER_PERIOD =
  /^\s*(?:(?:per|a|an|each|every|\/)\s*(second|sec|s|minute|min|hour|hr|h|day|week|month|year)s?\b|(hourly|daily|nightly|weekly|monthly|yearly|annually)\b)/i;

export function perPeriod(after: string): { seconds: number; length: number; text: string } | undefined {
  const match = PER_PERIOD.exec(after);
  if (!match) return undefined;
  const seconds = match[1] ? SECONDS[match[1].toLowerCase()] : PERIOD_WORDS[(match[2] ?? "").toLowerCase()];
  return seconds ? { seconds, length: match[0].length, text: match[0].trim().toLowerCase() } : undefined;
}

const SIZE =
  /^\s?(kib|mib|gib|tib|kb|mb|gb|tb|pb|b|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?|megs?|gigs?)(?!\w)/i;
// Bits: "Gb", "Mbit", "gigabits", "Gbps"; lower-case "gb" is read as gigabytes, as candidates write it.
const BITS = /^\s?(?:([KMGT])b|([kmgt]|kilo|mega|giga|tera)?bits?|([kmgt])bit)(ps|\/s)?\b/;
const DURATION =
  /^\s?(µs|us|microseconds?|ms|msecs?|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\b/i;
const RATE =
  /^\s?(?:peak |average |avg |mean )?(qps|rps|tps|req\/s|queries per second|requests? (?:per|a|an) second)\b/i;
// "128 floats" is a vector of 128 numbers: its dimension (the float32 width is the default anyway);
// so is "a 256-float vector", the count of floats modifying the vector.
const DIMENSION = /^\s?-?\s?(dims?|dimensional|dimensions|d|floats|float(?=\s+(?:vectors?|embeddings?)\b))\b/i;
const PER_VALUE =
  /^\s?-?\s?bytes?\s*(?:per|a|an|each|for each)?\s*(value|dimension|dim|float|component|element|coordinate|entry|number)\b/i;
const PERCENT = /^\s?(%|percent\b|per cent\b)/i;
// "3x", "2.5×", "three times the average", "tenfold"; "6 times a day" is a rate and "5 times 128" a product.
const FACTOR = /^\s?(x|×|times\b|-?fold\b)(?!\s*\d)(?![\w])/i;

function durationSeconds(word: string): number {
  const w = word.toLowerCase();
  if (w === "µs" || w === "us" || w.startsWith("micro")) return 1e-6;
  if (w === "ms" || w.startsWith("msec") || w.startsWith("milli")) return 1e-3;
  // "hrs" -> "hr", "minutes" -> "minute", "s" stays a second.
  const singular = w.length > 1 ? w.replace(/s$/, "") : w;
  return SECONDS[singular] ?? SECONDS[singular.slice(0, 3)] ?? 1;
}

/** Turns a size into a rate when a period follows ("300 MB/s", "2 TB a day"). */
function withPeriod(reading: UnitReading, after: string): UnitReading {
  const period = perPeriod(after.slice(reading.length));
  if (!period) return reading;
  return {
    kind: "rate",
    factor: reading.factor / period.seconds,
    unit: `${reading.unit} ${period.text}`,
    length: reading.length + period.length,
    what: "bytes",
  };
}

/** The unit that starts `after` (the text right after a number), if any. */
export function readUnit(after: string): UnitReading | undefined {
  let m = PER_VALUE.exec(after);
  if (m) return { kind: "bytes_per_value", factor: 1, unit: "bytes per value", length: m[0].length };
  m = BITS.exec(after);
  if (m) {
    const prefix = (m[1] ?? m[2] ?? m[3] ?? "").toLowerCase();
    const reading = {
      kind: "bytes" as const,
      factor: (BIT_PREFIX[prefix] ?? 1) / 8,
      unit: m[0].trim(),
      length: m[0].length,
    };
    return m[4] ? { ...reading, kind: "rate", what: "bytes" } : withPeriod(reading, after);
  }
  m = SIZE.exec(after);
  if (m?.[1]) {
    const word = m[1].toLowerCase().replace(/s$/, "");
    const factor = BYTE_UNITS[word] ?? BYTE_UNITS[m[1].toLowerCase()] ?? 1;
    return withPeriod({ kind: "bytes", factor, unit: m[1].toLowerCase(), length: m[0].length }, after);
  }
  m = RATE.exec(after);
  if (m?.[1]) return { kind: "rate", factor: 1, unit: m[1].toLowerCase(), length: m[0].length, what: "requests" };
  m = DIMENSION.exec(after);
  if (m?.[1]) return { kind: "dimension", factor: 1, unit: m[1].toLowerCase(), length: m[0].length };
  m = DURATION.exec(after);
  if (m?.[1]) return { kind: "duration", factor: durationSeconds(m[1]), unit: m[1].toLowerCase(), length: m[0].length };
  m = PERCENT.exec(after);
  if (m?.[1]) return { kind: "fraction", factor: 0.01, unit: "%", length: m[0].length };
  m = FACTOR.exec(after);
  if (m?.[1] && !perPeriod(after.slice(m[0].length)) && !/^\s*(?:per|each|every)\b/i.test(after.slice(m[0].length))) {
    return { kind: "count", factor: 1, unit: "x", length: m[0].length };
  }
  return undefined;
}

/** "d=256", "dimension of 768", "dim 128": a dimension written before its number. */
// A model's width has the field's names too (general ML vocabulary): "hidden size of 768", "hidden dim 512", "d_model = 1024".
export const DIMENSION_BEFORE =
  /\b(?:d|dims?|dimensions?|dimensionality|d_model|(?:embeddings?|vectors?)\s+(?:of\s+)?(?:size|width|length|dims?|dimensions?)|(?:hidden|model)\s+(?:size|width|dims?|dimensions?))\s*(?:=|:|of|is)?\s*$/i;
