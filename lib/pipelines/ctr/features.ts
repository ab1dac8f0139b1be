/**
 * The hashing trick: every categorical value (and the user x ad cross) becomes one index in a
 * fixed 2^HASH_BITS weight vector, so new values need no vocabulary and memory stays fixed;
 * the price is the odd collision, which a 2^18 space makes rare for these cardinalities.
 */
import { CATEGORIES, type ImpressionLog } from "./simulate";

export const HASH_BITS = 18;
export const HASH_SIZE = 1 << HASH_BITS;

/** Fields a row carries, in this order; POSITION is last so a model can leave it out or pin it. */
export const FIELDS = ["bias", "segment", "category", "device", "hour", "segment x category", "position"] as const;
export const FIELD_COUNT = FIELDS.length;
export const POSITION_FIELD = FIELD_COUNT - 1;

/** murmur3's 32-bit finaliser over (field, value): cheap and well mixed. */
export function hashFeature(field: number, value: number): number {
  let h = Math.imul(field + 1, 0x9e3779b1) ^ value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) & (HASH_SIZE - 1);
}

/** Hashed indices of every row, FIELD_COUNT per row (row-major). */
export function hashRows(log: ImpressionLog): Uint32Array {
  const out = new Uint32Array(log.n * FIELD_COUNT);
  for (let i = 0; i < log.n; i++) {
    const segment = log.segment[i] as number;
    const category = log.category[i] as number;
    const base = i * FIELD_COUNT;
    out[base] = hashFeature(0, 0);
    out[base + 1] = hashFeature(1, segment);
    out[base + 2] = hashFeature(2, category);
    out[base + 3] = hashFeature(3, log.device[i] as number);
    out[base + 4] = hashFeature(4, log.hour[i] as number);
    out[base + 5] = hashFeature(5, segment * CATEGORIES + category);
    out[base + 6] = hashFeature(POSITION_FIELD, log.position[i] as number);
  }
  return out;
}
