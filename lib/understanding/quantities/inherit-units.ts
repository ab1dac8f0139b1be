/** Unit ellipsis: a bare number takes the unit of a rate or size said beside it, or is called a load or a model size. */
import type { Quantity } from "../types";
import { perUnitEntity } from "./what";

export const isBytesUnit = (unit: string) =>
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
export function inheritUnits(text: string, quantities: Quantity[], numbers: Map<Quantity, number>): Quantity[] {
  const out: Quantity[] = [];
  const hasRequestRate = quantities.some((q) => q.kind === "rate" && !isBytesUnit(q.unit));
  const carries = (p: Quantity) => p.unit !== "x" && p.kind !== "dimension" && p.kind !== "bytes_per_value";
  // The nearest readings each side, kept as the loop goes rather than searched for each number,
  // so a message with thousands of numbers stays linear.
  const nextCarrier = new Array<Quantity | undefined>(quantities.length + 1).fill(undefined);
  for (let j = quantities.length - 1; j >= 0; j -= 1) {
    const q = quantities[j];
    nextCarrier[j] = q && carries(q) ? q : nextCarrier[j + 1];
  }
  let lastRequestRate: Quantity | undefined;
  let lastCarrier: Quantity | undefined;
  for (const [i, q] of quantities.entries()) {
    const read = inherit(q, i);
    // An inherited reading keeps its spoken number, so a later ellipsis scales from it.
    if (read !== q && numbers.has(q)) numbers.set(read, numbers.get(q) ?? read.value);
    out.push(read);
    if (read.kind === "rate" && !isBytesUnit(read.unit)) lastRequestRate = read;
    if (carries(read)) lastCarrier = read;
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
      const previous = lastRequestRate;
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
    // "300 million of them" counts things, whatever unit was said before; so does the first factor
    // of a product ("10 billion x 500 B").
    if (/^\s+of\b/i.test(text.slice(q.end))) return q;
    if (/^\s*(?:[x×*]|times)\s*\d/i.test(text.slice(q.end))) return q;
    const shareAfter = /^\s*(?:per|each|apiece)\b/i.test(text.slice(q.end));
    if (!shareAfter && /(?:[/÷×*]|\bx|\btop|\bof)\s*$/i.test(text.slice(Math.max(0, q.start - 6), q.start))) return q;
    let before = lastCarrier;
    // "Each broker handles 3k, at 90k QPS": one unit's share may come before the load it shares.
    if (!before && perUnitEntity(text, q.start, q.end)) before = nextCarrier[i + 1];
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
