/** Reads one number of a sentence: its unit (or a dimension before it), then the noun phrase or period it counts. */
import type { Quantity } from "../types";
import type { NumberSpan } from "./numbers";
import { DIMENSION_BEFORE, PERIOD_WORDS, readUnit, SECONDS, type UnitReading } from "./units";
import { readNoun, readSizeTarget, type Skip } from "./what";

/** Numbers inside names: "recall@10", "p99", "GPT-4", "top-10", "ResNet-50", "x86". */
function insideName(text: string, span: NumberSpan): boolean {
  const before = text.slice(Math.max(0, span.start - 2), span.start);
  return /[A-Za-z@]$/.test(before) || /[A-Za-z]-$/.test(before);
}

const isYear = (text: string, span: NumberSpan) =>
  /^\d{4}$/.test(text.slice(span.start, span.end)) && span.value >= 1900 && span.value <= 2100;

export interface Reading {
  span: NumberSpan;
  /** Start of the quantity's text: before the number for "d=256". */
  start: number;
  kind: Quantity["kind"];
  value: number;
  unit: string;
  /** End of the number and its unit. */
  end: number;
  what?: string;
}

/**
 * Figures that are no quantity of the system (general English): money ("$20", "300 dollars") and
 * clock times ("at 2 am", "9 p.m.").
 */
const MONEY_BEFORE = /[$€£¥]\s?$/;
const NOT_A_QUANTITY_AFTER = /^\s?(?:(?:dollars?|usd|eur|euros?|cents?|bucks)\b|(?:am|pm)\b|[ap]\.m\.)/i;

/** The number's own unit, or a dimension written before it ("d=256"). */
export function readSpan(text: string, span: NumberSpan): Reading | undefined {
  if (insideName(text, span)) return undefined;
  if (MONEY_BEFORE.test(text.slice(Math.max(0, span.start - 2), span.start))) return undefined;
  if (NOT_A_QUANTITY_AFTER.test(text.slice(span.end))) return undefined;
  const base = { span, start: span.start, value: span.value, end: span.end };
  const before = DIMENSION_BEFORE.exec(text.slice(Math.max(0, span.start - 32), span.start));
  if (before) return { ...base, start: span.start - before[0].length, kind: "dimension", unit: "d" };
  const unit: UnitReading | undefined = readUnit(text.slice(span.end));
  if (unit) {
    // toPrecision drops binary dust (95 × 0.01 = 0.9500000000000001).
    const value = Number((span.value * unit.factor).toPrecision(15));
    return { ...base, kind: unit.kind, value, unit: unit.unit, end: span.end + unit.length, what: unit.what };
  }
  // A number glued to letters that are no unit is an ordinal or a name ("2nd", "99th", "3D").
  if (/^[A-Za-z]/.test(text.slice(span.end))) return undefined;
  return { ...base, kind: "count", unit: "" };
}

const METRIC_BEFORE =
  /\b(recall|precision|accuracy|auc|ne|ctr|hit rate|log ?loss)(?:@\d+)?\s*(?:of|is|=|at|~|:|above|below|over|under|around|about|near|at least|at most|>=?|<=?|≥|≤)?\s*$/i;

/**
 * A period that opens the clause of a count makes it a rate: "Each day we get 50 million reports",
 * "Every hour, 2 million events", "Daily we log 5B rows".
 */
const PERIOD_OPENING =
  "(?:(?:each|every|per|in a|in one)\\s+(second|minute|hour|day|week|month|year)|(hourly|daily|nightly|weekly|monthly|yearly|annually))\\b,?[^,;:.\\d]*$";
const CLAUSE_PERIOD = new RegExp(`(?:^|[,;:]\\s*|\\b(?:and|so|then)\\s+)${PERIOD_OPENING}`, "i");
/** The same, for a clause cut by CLAUSE_LOOKBACK: its first character is not the start of the text. */
const CLAUSE_PERIOD_INSIDE = new RegExp(`(?:[,;:]\\s*|\\b(?:and|so|then)\\s+)${PERIOD_OPENING}`, "i");
/** A clause opening read further back than this is too far from its number to be its period. */
const CLAUSE_LOOKBACK = 240;
const CLAUSE_STOP = /[,;:.\d]/;

/**
 * Where the clause before `start` can begin: the match's tail holds none of `,;:.` or a digit, so
 * it starts at most one stop character back (two when the last is the comma after the period
 * word, "Every hour, 2 million"). Matching only there keeps a message with many numbers linear.
 */
function clauseStart(text: string, start: number): number {
  const floor = Math.max(0, start - CLAUSE_LOOKBACK);
  let stops = 0;
  for (let i = start - 1; i >= floor; i -= 1) {
    if (!CLAUSE_STOP.test(text[i] ?? "")) continue;
    stops += 1;
    if (text[i] !== "," || stops === 2) return i;
  }
  return floor;
}

function clausePeriod(text: string, start: number): { seconds: number; text: string } | undefined {
  const from = clauseStart(text, start);
  const m =
    from === 0 ? CLAUSE_PERIOD.exec(text.slice(0, start)) : CLAUSE_PERIOD_INSIDE.exec(text.slice(from - 1, start));
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? "").toLowerCase();
  const seconds = m[1] ? SECONDS[word] : PERIOD_WORDS[word];
  return seconds ? { seconds, text: m[1] ? `a ${word}` : word } : undefined;
}

/** Completes a reading with the noun phrase it counts or measures. */
export function complete(text: string, r: Reading, skip: Skip): Quantity | undefined {
  let { kind, value, unit, what } = r;
  let end = r.end;
  if (kind === "count" && r.unit === "") {
    const noun = readNoun(text, end, skip);
    const metric = METRIC_BEFORE.exec(text.slice(Math.max(0, r.span.start - 24), r.span.start));
    const opening = noun.periodSeconds || !noun.what ? undefined : clausePeriod(text, r.start);
    if (noun.periodSeconds) {
      kind = "rate";
      value /= noun.periodSeconds;
      unit = noun.periodText ?? "";
    } else if (opening) {
      kind = "rate";
      value /= opening.seconds;
      unit = opening.text;
    } else if (value > 0 && value < 1 && !noun.what) {
      kind = "fraction";
      what = metric?.[1]?.toLowerCase();
    } else if (isYear(text, r.span) && !noun.what) {
      return undefined;
    }
    what ??= noun.what;
    // The noun joins the text only when it follows the number directly ("340 GPUs", not "1 billion 256-dim float32 vectors").
    if (skip(end) === end || noun.periodSeconds) end += noun.length;
  } else if (kind === "bytes") {
    const target = readSizeTarget(text, end, skip);
    what = target.what;
    // "Per month we'd write 150 GB": a period opening the clause makes a total a rate of bytes.
    const opening = target.periodSeconds || target.what?.startsWith("per ") ? undefined : clausePeriod(text, r.start);
    if (opening) {
      kind = "rate";
      value /= opening.seconds;
      unit = `${unit} ${opening.text}`;
      what = "bytes";
    } else if (target.periodSeconds) {
      // "5 TB of click logs per day" is a rate of bytes.
      kind = "rate";
      value /= target.periodSeconds;
      unit = `${unit} ${target.periodText}`;
      what = target.what?.replace(` ${target.periodText}`, "") || "bytes";
    }
    if (target.periodSeconds || (target.what && /^per |^each$/.test(target.what))) end += target.length;
  } else if (kind === "fraction") {
    what =
      METRIC_BEFORE.exec(text.slice(Math.max(0, r.span.start - 24), r.span.start))?.[1]?.toLowerCase() ??
      readNoun(text, end, skip).what;
  }
  const textSpan = text.slice(r.start, end).trim();
  return {
    text: textSpan,
    kind,
    value,
    unit,
    ...(what ? { what } : {}),
    start: r.start,
    end: r.start + textSpan.length,
  };
}
