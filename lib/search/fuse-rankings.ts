/** The constant of reciprocal rank fusion (Cormack et al., 2009): damps the weight of top ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list adds 1 / (RRF_K + rank) to an item's score. It needs no
 * score calibration between cosine similarity and ts_rank, which live on different scales.
 * Ties keep the order of first appearance.
 */
export function fuseRankings<T>(lists: T[][], keyOf: (item: T) => string): Array<{ item: T; score: number }> {
  const fused = new Map<string, { item: T; score: number; first: number }>();
  let order = 0;
  for (const list of lists) {
    list.forEach((item, index) => {
      const key = keyOf(item);
      const entry = fused.get(key) ?? { item, score: 0, first: order++ };
      entry.score += 1 / (RRF_K + index + 1);
      fused.set(key, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ item, score }) => ({ item, score }));
}
