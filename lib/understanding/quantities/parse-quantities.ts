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
  // By start offset, so that each lookup is constant time: a long list of numbers stays linear.
  const covered = new Map<number, number>();
  for (const f of formats) covered.set(f.start, f.end);
  for (const r of readings) {
    if (r.kind === "dimension" || r.kind === "bytes_per_value") covered.set(r.span.start, r.end);
  }
  const blank = /\s*/y;
  const skip: Skip = (offset) => {
    blank.lastIndex = offset;
    const lead = blank.exec(text)?.[0].length ?? 0;
    const end = covered.get(offset + lead);
    return end !== undefined && end > offset ? skip(end) : offset;
  };
  const numbers = new Map<Quantity, number>();
  const quantities: Quantity[] = [];
  const readingAt = new Map<number, Reading>();
  for (const r of readings) {
    if (!readingAt.has(r.start)) readingAt.set(r.start, r);
    const q = complete(text, r, skip);
    if (!q) continue;
    numbers.set(q, r.span.value);
    quantities.push(q);
  }
  // "a second" of "5k a second" is that number's period, not one second.
  const inside = insideAnother(quantities);
  const kept = quantities.filter((q, i) => {
    if (!readingAt.get(q.start)?.span.article) return true;
    return q.kind !== "count" && !inside[i];
  });
  const all = [...kept, ...formats, ...multiplierWords(text)].sort((a, b) => a.start - b.start);
  return inheritUnits(text, all, numbers).map((q) => withPerUnit(text, q));
}

/** For each quantity, whether another one's span holds its start: one pass in start order, not all pairs. */
function insideAnother(quantities: Quantity[]): boolean[] {
  const order = quantities.map((_, i) => i).sort((a, b) => (quantities[a]?.start ?? 0) - (quantities[b]?.start ?? 0));
  const inside = new Array<boolean>(quantities.length).fill(false);
  let reach = Number.NEGATIVE_INFINITY;
  for (let g = 0; g < order.length; ) {
    const start = quantities[order[g] ?? 0]?.start ?? 0;
    let h = g;
    while (h < order.length && quantities[order[h] ?? 0]?.start === start) h += 1;
    const shared = h - g > 1;
    let groupReach = reach;
    for (let i = g; i < h; i += 1) {
      const index = order[i] ?? 0;
      const q = quantities[index];
      if (!q) continue;
      // Another quantity starting at the same place holds this start whenever it is not empty.
      inside[index] =
        reach > start || (shared && order.slice(g, h).some((j) => j !== index && (quantities[j]?.end ?? 0) > start));
      groupReach = Math.max(groupReach, q.end);
    }
    reach = groupReach;
    g = h;
  }
  return inside;
}
