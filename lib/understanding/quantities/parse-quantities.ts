/**
 * Quantities of a candidate's sentence, in text order, each normalised to the base unit of its
 * kind (bytes, seconds, per second, fraction, count), with the noun phrase it counts.
 */
import type { Quantity } from "../types";
import { type NumberSpan, numberSpans } from "./numbers";
import { DIMENSION_BEFORE, readUnit, type UnitReading } from "./units";
import { readNoun, readSizeTarget, type Skip } from "./what";

const FORMATS: Array<[RegExp, number]> = [
  [/\b(?:float32|fp32|f32|single[- ]precision)\b/gi, 4],
  [/\b(?:float16|fp16|f16|half[- ]precision|bf16|bfloat16)\b/gi, 2],
  [/\b(?:int8|uint8|8-bit)\b/gi, 1],
  [/\b(?:float64|fp64|double[- ]precision)\b/gi, 8],
  [/\b(?:int4|4-bit)\b/gi, 0.5],
];

function formatQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const [pattern, bytes] of FORMATS) {
    for (const m of text.matchAll(pattern)) {
      const word = m[0];
      found.push({
        text: word,
        kind: "bytes_per_value",
        value: bytes,
        unit: word.toLowerCase(),
        start: m.index,
        end: m.index + word.length,
      });
    }
  }
  return found;
}

/** Numbers inside names: "recall@10", "p99", "GPT-4", "top-10", "ResNet-50", "x86". */
function insideName(text: string, span: NumberSpan): boolean {
  const before = text.slice(Math.max(0, span.start - 2), span.start);
  return /[A-Za-z@]$/.test(before) || /[A-Za-z]-$/.test(before);
}

const isYear = (text: string, span: NumberSpan) =>
  /^\d{4}$/.test(text.slice(span.start, span.end)) && span.value >= 1900 && span.value <= 2100;

interface Reading {
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

/** The number's own unit, or a dimension written before it ("d=256"). */
function readSpan(text: string, span: NumberSpan): Reading | undefined {
  if (insideName(text, span)) return undefined;
  const base = { span, start: span.start, value: span.value, end: span.end };
  const before = DIMENSION_BEFORE.exec(text.slice(Math.max(0, span.start - 16), span.start));
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

const METRIC_BEFORE = /\b(recall|precision|accuracy|auc|ne|ctr|hit rate|log ?loss)(?:@\d+)?\s*(?:of|is|=|at|~|:)?\s*$/i;

/** Completes a reading with the noun phrase it counts or measures. */
function complete(text: string, r: Reading, skip: Skip): Quantity | undefined {
  let { kind, value, unit, what } = r;
  let end = r.end;
  if (kind === "count" && r.unit === "") {
    const noun = readNoun(text, end, skip);
    const metric = METRIC_BEFORE.exec(text.slice(Math.max(0, r.span.start - 24), r.span.start));
    if (noun.periodSeconds) {
      kind = "rate";
      value /= noun.periodSeconds;
      unit = noun.periodText ?? "";
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
    if (target.periodSeconds) {
      // "5 TB of click logs per day" is a rate of bytes.
      kind = "rate";
      value /= target.periodSeconds;
      unit = `${unit} ${target.periodText}`;
      what = target.what?.replace(` ${target.periodText}`, "") || "bytes";
    }
    if (target.periodSeconds || (target.what && /^per |^each$/.test(target.what))) end += target.length;
  } else if (kind === "rate" && what === "requests") {
    // "1,000 QPS per server": the entity belongs to what is counted.
    const per = /^\s*(per|each|a|an)\s+(server|machine|node|gpu|host|instance|replica|core|box|shard|pod)s?\b/i.exec(
      text.slice(end),
    );
    if (per?.[2]) {
      what = `requests per ${per[2].toLowerCase()}`;
      end += per[0].length;
    }
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

/** Every quantity in `text`, in order; numbers inside names and bare years are left out. */
export function parseQuantities(text: string): Quantity[] {
  const formats = formatQuantities(text);
  const spans = numberSpans(text).filter((s) => !formats.some((f) => s.start < f.end && f.start < s.end));
  const readings = spans.map((s) => readSpan(text, s)).filter((r): r is Reading => r !== undefined);
  const covered = [
    ...formats.map((f) => [f.start, f.end] as const),
    ...readings
      .filter((r) => r.kind === "dimension" || r.kind === "bytes_per_value")
      .map((r) => [r.span.start, r.end] as const),
  ];
  const skip: Skip = (offset) => {
    const lead = /^\s*/.exec(text.slice(offset))?.[0].length ?? 0;
    const hit = covered.find(([start]) => start === offset + lead);
    return hit ? skip(hit[1]) : offset;
  };
  const quantities = readings.map((r) => complete(text, r, skip)).filter((q): q is Quantity => q !== undefined);
  return [...quantities, ...formats].sort((a, b) => a.start - b.start);
}
