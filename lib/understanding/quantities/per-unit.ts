/** One unit's share: a rate or size said "per box", "each instance" names the unit in what it counts. */
import type { Quantity } from "../types";
import { isBytesUnit } from "./inherit-units";
import { SECONDS } from "./units";
import { perUnitEntity } from "./what";

/**
 * A rate or size that is one unit's share names the unit in what it counts: "2k QPS per box" is
 * "requests per box", "each instance does 400" "requests per instance", "each response is 20 KB"
 * a size "per response".
 */
export function withPerUnit(text: string, q: Quantity): Quantity {
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
