/**
 * Quantities of a candidate's sentence, in text order, each normalised to the base unit of its
 * kind (bytes, seconds, per second, fraction, count), with the noun phrase it counts.
 */
import type { Quantity } from "../types";
import { type NumberSpan, numberSpans } from "./numbers";
import { DIMENSION_BEFORE, PERIOD_WORDS, readUnit, SECONDS, type UnitReading } from "./units";
import { perUnitEntity, readNoun, readSizeTarget, type Skip } from "./what";

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

/**
 * Multipliers written as words (general English): "twice the average", "double the peak", "triple
 * replication", "replicated twice", "store every file twice", "doubled for redundancy". "Twice a
 * day" is a frequency, not a multiplier.
 */
const MULTIPLIER_WORDS: Record<string, number> = {
  twice: 2,
  double: 2,
  doubled: 2,
  thrice: 3,
  triple: 3,
  tripled: 3,
  treble: 3,
  quadruple: 4,
  quadrupled: 4,
};
const MULTIPLIER = new RegExp(
  [
    // An adjective before what it multiplies: "double the peak", "triple replication".
    "\\b(double|triple|treble|quadruple)\\b(?=\\s+(?:the|that|this|its?|our|their|average|mean|normal|usual|peak|load|traffic|replicat\\w*|redundan\\w*|copies|writes?|storage)\\b)",
    // An adverb or participle standing on its own: "twice", "doubled for redundancy".
    "\\b(twice|thrice|doubled|tripled|quadrupled)\\b(?!\\s+(?:a|an|per|each|every)\\s+(?:second|minute|hour|day|week|month|year)\\b)(?!\\s+(?:daily|weekly|monthly|hourly|yearly|annually)\\b)",
  ].join("|"),
  "gi",
);

function multiplierWords(text: string): Quantity[] {
  return [...text.matchAll(MULTIPLIER)].map((m) => ({
    text: m[0],
    kind: "count" as const,
    value: MULTIPLIER_WORDS[m[0].toLowerCase()] ?? 2,
    unit: "x",
    start: m.index,
    end: m.index + m[0].length,
  }));
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
/**
 * Figures that are no quantity of the system (general English): money ("$20", "300 dollars") and
 * clock times ("at 2 am", "9 p.m.").
 */
const MONEY_BEFORE = /[$€£¥]\s?$/;
const NOT_A_QUANTITY_AFTER = /^\s?(?:(?:dollars?|usd|eur|euros?|cents?|bucks)\b|(?:am|pm)\b|[ap]\.m\.)/i;

function readSpan(text: string, span: NumberSpan): Reading | undefined {
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
const CLAUSE_PERIOD =
  /(?:^|[,;:]\s*|\b(?:and|so|then)\s+)(?:(?:each|every|per|in a|in one)\s+(second|minute|hour|day|week|month|year)|(hourly|daily|nightly|weekly|monthly|yearly|annually))\b,?[^,;:.\d]*$/i;

function clausePeriod(text: string, start: number): { seconds: number; text: string } | undefined {
  const m = CLAUSE_PERIOD.exec(text.slice(0, start));
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? "").toLowerCase();
  const seconds = m[1] ? SECONDS[word] : PERIOD_WORDS[word];
  return seconds ? { seconds, text: m[1] ? `a ${word}` : word } : undefined;
}

/** Completes a reading with the noun phrase it counts or measures. */
function complete(text: string, r: Reading, skip: Skip): Quantity | undefined {
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

const isBytesUnit = (unit: string) =>
  /^(?:[kmgtp]i?b|b|bytes?|[kmgtp]?bits?|[kmgt]bit|gbps|mbps|megs?|gigs?)\b/i.test(unit);

// A load named just before a bare number ("QPS is around 50k", "peak of 8k", "average: 12k") or
// just after it ("~11.6k average", "9k at peak"): the number is requests a second.
const LOAD_BEFORE =
  /\b(?:qps|rps|tps|requests per second|queries per second|peak|average|avg)\s*(?:is|was|of|at|=|:|~|≈|will be|would be|should be|comes to|around|about|roughly|approximately|maybe|nearly|\s)*$/i;
const LOAD_AFTER = /^\s*(?:qps\b|rps\b|average\b|avg\b|on average\b|at peak\b|peak\b)/i;
// A model's size is counted in parameters (general ML usage): "the LLM is 70B", "a 7B model", "13B params".
const MODEL_BEFORE = /\b(?:llm|model|params?|parameters|weights)\b[^\d.,;:]{0,16}$/i;
const MODEL_AFTER = /^\s?-?(?:params?|parameters?|models?|llms?)\b/i;
const isPerSecondUnit = (unit: string) => /second|sec\b|\/s\b|qps|rps|tps|req\/s/i.test(unit);

/**
 * Unit ellipsis: a bare number takes the unit of the rate or size said just before it, as speech
 * does ("60k QPS and each server handles 2k", "8k/s at 500 per host", "55k QPS, peaking at 140k"),
 * or, for one unit's share said first, just after it. Not after an operator ("/ 86,400") unless
 * the number is one unit's share ("30k rps / 2k per box"), nor when a count stands between them.
 * A bare number called a load ("QPS is around 50k", "~11.6k average") is requests a second, even
 * after a rate per day.
 */
function inheritUnits(text: string, quantities: Quantity[], numbers: Map<Quantity, number>): Quantity[] {
  const out: Quantity[] = [];
  const hasRequestRate = quantities.some((q) => q.kind === "rate" && !isBytesUnit(q.unit));
  for (const [i, q] of quantities.entries()) {
    const read = inherit(q, i);
    // An inherited reading keeps its spoken number, so a later ellipsis scales from it.
    if (read !== q && numbers.has(q)) numbers.set(read, numbers.get(q) ?? read.value);
    out.push(read);
  }
  return out;

  function inherit(q: Quantity, i: number): Quantity {
    if (q.kind !== "count" || q.unit !== "" || q.what || q.value < 1) return q;
    const lead = text.slice(Math.max(0, q.start - 40), q.start);
    const after = text.slice(q.end, q.end + 16);
    // "the LLM is 70B", "a 7B model": a model's size in parameters takes no unit said before.
    if (MODEL_BEFORE.test(lead) || MODEL_AFTER.test(after)) return { ...q, what: "parameters" };
    const named = /\b(?:qps|rps|tps|requests per second|queries per second)\b[^\d]*$/i.test(lead.slice(-30));
    if ((LOAD_BEFORE.test(lead) || LOAD_AFTER.test(after)) && (named || hasRequestRate)) {
      const previous = out
        .slice(0, i)
        .reverse()
        .find((p) => p.kind === "rate" && !isBytesUnit(p.unit));
      // "each does 500 rps and peak is 18k": a load is the whole service's, not one unit's share.
      if (!previous || !isPerSecondUnit(previous.unit) || /\bper\s/.test(previous.what ?? "")) {
        return {
          ...q,
          kind: "rate",
          unit: previous && isPerSecondUnit(previous.unit) ? previous.unit : "qps",
          what: "requests",
        };
      }
    }
    // "300 million of them" counts things, whatever unit was said before.
    if (/^\s+of\b/i.test(text.slice(q.end))) return q;
    const shareAfter = /^\s*(?:per|each|apiece)\b/i.test(text.slice(q.end));
    if (!shareAfter && /(?:[/÷×*]|\bx|\btop|\bof)\s*$/i.test(text.slice(Math.max(0, q.start - 6), q.start))) return q;
    const carries = (p: Quantity) => p.unit !== "x" && p.kind !== "dimension" && p.kind !== "bytes_per_value";
    let before = out.slice(0, i).reverse().find(carries);
    // "Each broker handles 3k, at 90k QPS": one unit's share may come before the load it shares.
    if (!before && perUnitEntity(text, q.start, q.end)) before = quantities.slice(i + 1).find(carries);
    if (!before || (before.kind !== "rate" && before.kind !== "bytes")) return q;
    const factor = before.value / (numbers.get(before) ?? before.value);
    return {
      ...q,
      kind: before.kind,
      value: Number((q.value * factor).toPrecision(15)),
      unit: before.unit,
      ...(before.what ? { what: before.what } : {}),
    };
  }
}

/**
 * A rate or size that is one unit's share names the unit in what it counts: "2k QPS per box" is
 * "requests per box", "each instance does 400" "requests per instance", "each response is 20 KB"
 * a size "per response".
 */
function withPerUnit(text: string, q: Quantity): Quantity {
  // One unit's throughput is at least one a second; slower per-entity rates are a person's ("30 calls a day").
  // "each worker does 50 calls per second": a period in what it counts is no unit; another "per X" is.
  const rate =
    q.kind === "rate" &&
    q.value >= 1 &&
    !isBytesUnit(q.unit) &&
    !/\bper\s(?!(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\b)/.test(q.what ?? "");
  const size = q.kind === "bytes" && !q.what;
  if (!rate && !size) return q;
  const unit = perUnitEntity(text, q.start, q.end);
  if (!unit) return q;
  const end = q.end + unit.length;
  const period = SECONDS[unit.entity];
  if (size && period && period >= 60) {
    // "each day we write 2 TB", "one month is about 3.6 TB": a size per period is a rate of bytes.
    const value = Number((q.value / period).toPrecision(15));
    return {
      ...q,
      kind: "rate",
      value,
      unit: `${q.unit} a ${unit.entity}`,
      what: "bytes",
      text: text.slice(q.start, end),
      end,
    };
  }
  if (period) return q;
  const what = size ? `per ${unit.entity}` : `${q.what ?? "requests"} per ${unit.entity}`;
  return { ...q, what, text: text.slice(q.start, end), end };
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
  const numbers = new Map<Quantity, number>();
  const quantities: Quantity[] = [];
  for (const r of readings) {
    const q = complete(text, r, skip);
    if (!q) continue;
    numbers.set(q, r.span.value);
    quantities.push(q);
  }
  // "a second" of "5k a second" is that number's period, not one second.
  const kept = quantities.filter((q, i) => {
    const r = readings.find((x) => x.start === q.start);
    if (!r?.span.article) return true;
    return q.kind !== "count" && !quantities.some((p, j) => j !== i && p.start <= q.start && q.start < p.end);
  });
  const all = [...kept, ...formats, ...multiplierWords(text)].sort((a, b) => a.start - b.start);
  return inheritUnits(text, all, numbers).map((q) => withPerUnit(text, q));
}
