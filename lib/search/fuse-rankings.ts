/** The constant of reciprocal rank fusion (Cormack et al., 2009): damps the weight of top ranks. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list adds weight / (RRF_K + rank) to an item's score (weight 1
 * unless given). It needs no calibration between cosine similarity and BM25, which live on
 * different scales. Ties keep the order of first appearance.
 */
export function fuseRankings<T>(
  lists: T[][],
  keyOf: (item: T) => string,
  weights: number[] = [],
): Array<{ item: T; score: number }> {
  const fused = new Map<string, { item: T; score: number; first: number }>();
  let order = 0;
  lists.forEach((list, listIndex) => {
    const weight = weights[listIndex] ?? 1;
    list.forEach((item, index) => {
      const key = keyOf(item);
      const entry = fused.get(key) ?? { item, score: 0, first: order++ };
      entry.score += weight / (RRF_K + index + 1);
      fused.set(key, entry);
    });
  });
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ item, score }) => ({ item, score }));
}
