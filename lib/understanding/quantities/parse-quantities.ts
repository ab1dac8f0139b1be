/**
 * Quantities of a candidate's sentence, in text order, each normalised to the base unit of its
 * kind (bytes, seconds, per second, fraction, count), with the noun phrase it counts.
 */
import type { Quantity } from "../types";
import { inheritUnits } from "./inherit-units";
import { numberSpans } from "./numbers";
import { withPerUnit } from "./per-unit";
import { complete, type Reading, readSpan } from "./read-number";
import type { Skip } from "./what";
import { formatQuantities, multiplierWords } from "./word-quantities";

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
