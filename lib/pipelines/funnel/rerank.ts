/**
 * Stage 3: business rules over the ranker's kept list. Greedy MMR (maximal marginal relevance)
 * picks, at each slot, the item maximising
 *   lambda x relevance - (1 - lambda) x redundancy
 * where relevance is the ranker score min-max scaled to [0, 1] over the kept list (so lambda
 * means the same whatever the score scale) and redundancy is 1 when an already chosen item has
 * the same topic, else 0. Items whose author already fills `authorCap` slots are skipped. With
 * lambda = 1 and no cap this is the ranker's own top K. The list can come out shorter than K
 * when the cap leaves too few eligible items.
 */
export interface RerankInput {
  /** Kept item ids, best ranker score first. */
  ids: readonly number[];
  scores: readonly number[];
  topic: Int32Array;
  author: Int32Array;
  k: number;
  /** Infinity for no cap. */
  authorCap: number;
  lambda: number;
}

export function rerank(input: RerankInput): number[] {
  const { ids, scores, topic, author, k, authorCap, lambda } = input;
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (const s of scores) {
    high = Math.max(high, s);
    low = Math.min(low, s);
  }
  const range = high - low;
  const relevance = scores.map((s) => (range > 0 ? (s - low) / range : 1));
  const used = new Uint8Array(ids.length);
  const topicsShown = new Set<number>();
  const perAuthor = new Map<number, number>();
  const chosen: number[] = [];
  while (chosen.length < k) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let p = 0; p < ids.length; p++) {
      if (used[p]) continue;
      const id = ids[p] as number;
      if ((perAuthor.get(author[id] as number) ?? 0) >= authorCap) continue;
      const redundancy = topicsShown.has(topic[id] as number) ? 1 : 0;
      const value = lambda * (relevance[p] as number) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = p;
      }
    }
    if (best === -1) break;
    used[best] = 1;
    const id = ids[best] as number;
    chosen.push(id);
    topicsShown.add(topic[id] as number);
    perAuthor.set(author[id] as number, (perAuthor.get(author[id] as number) ?? 0) + 1);
  }
  return chosen;
}

/** The largest number of items any one author has in `list`. */
export function maxPerAuthor(list: readonly number[], author: Int32Array): number {
  const counts = new Map<number, number>();
  let most = 0;
  for (const id of list) {
    const c = (counts.get(author[id] as number) ?? 0) + 1;
    counts.set(author[id] as number, c);
    most = Math.max(most, c);
  }
  return most;
}

/** Distinct topics in `list`. */
export function distinctTopics(list: readonly number[], topic: Int32Array): number {
  return new Set(list.map((id) => topic[id] as number)).size;
}
