/**
 * Quality of a list against the true utility.
 *
 * Gain from utility: the project's NDCG convention is gain 2^rel - 1 with discount log2(rank + 1),
 * so utility is first mapped to a graded relevance in [0, 3] per user:
 *   rel = 3 x clamp((U - U_floor) / (U_best - U_floor), 0, 1)
 * with U_best the user's best utility in the catalogue and U_floor the utility at the user's true
 * rank 10 x K. The best item earns gain 7; an item no better than the 10K-th earns nothing. The
 * ideal list is the true top K of the whole catalogue, with no business rules, so a list that
 * obeys the rules can score below 1 even when every stage before it was perfect.
 */

/** How far below the best the gain reaches zero: the user's true rank FLOOR_RANK_FACTOR x K. */
export const FLOOR_RANK_FACTOR = 10;
export const MAX_RELEVANCE = 3;

export interface GainScale {
  best: number;
  floor: number;
}

export function relevanceOf(utility: number, scale: GainScale): number {
  const range = scale.best - scale.floor;
  if (!(range > 0)) return utility >= scale.floor ? MAX_RELEVANCE : 0;
  return MAX_RELEVANCE * Math.min(1, Math.max(0, (utility - scale.floor) / range));
}

export function gainOf(utility: number, scale: GainScale): number {
  return 2 ** relevanceOf(utility, scale) - 1;
}

/** DCG of utilities in list order: sum of gain / log2(rank + 1), ranks from 1. */
export function dcg(utilities: readonly number[], scale: GainScale): number {
  let sum = 0;
  utilities.forEach((u, i) => {
    sum += gainOf(u, scale) / Math.log2(i + 2);
  });
  return sum;
}

/**
 * NDCG@K of a list (its utilities in order, at most K of them) against the ideal list (the true
 * top-K utilities, best first). An ideal DCG of 0 scores 0, as the project's convention says.
 */
export function ndcg(listUtilities: readonly number[], idealUtilities: readonly number[], scale: GainScale): number {
  const ideal = dcg(idealUtilities, scale);
  return ideal > 0 ? dcg(listUtilities, scale) / ideal : 0;
}

/** Share of the true top-K ids that `kept` contains. */
export function recallOf(trueTop: readonly number[], kept: Iterable<number>): number {
  if (trueTop.length === 0) return 0;
  const set = kept instanceof Set ? (kept as Set<number>) : new Set(kept);
  let hits = 0;
  for (const id of trueTop) if (set.has(id)) hits++;
  return hits / trueTop.length;
}

export const mean = (values: readonly number[]) =>
  values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;

export { quantile } from "@/lib/stats/quantile";
