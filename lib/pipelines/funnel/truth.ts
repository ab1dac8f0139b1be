/**
 * The ground truth for one user: an exact scan of the whole catalogue for the true utility (the
 * true top K, and the gain scale of metrics.ts), and the exact top C by dot product (to tell
 * how much of the candidate stage's loss is the HNSW approximation and how much is the dot
 * product being only a proxy for utility). Not timed: no production request does this.
 * The pair noise (a hash) is only computed for items whose noiseless utility could still make
 * the kept set: the noise is bounded, so the result is the same as hashing every item.
 */
import { FLOOR_RANK_FACTOR, type GainScale } from "./metrics";
import { TopK } from "./topk";
import { type Catalogue, MAX_PAIR_NOISE, NOISE_SD, pairNoise, trueUtility, type Users } from "./world";

export interface UserTruth {
  /** True top K ids, best first. */
  topIds: number[];
  topUtilities: number[];
  scale: GainScale;
  /** The exact top C ids by dot product: what a perfect ANN index would return. */
  exactCandidates: number[];
}

export function scanUser(users: Users, user: number, catalogue: Catalogue, k: number, candidates: number): UserTruth {
  const { dim, count, vectors, quality } = catalogue;
  const floorRank = Math.min(count, Math.max(k, FLOOR_RANK_FACTOR * k));
  const byUtility = new TopK(floorRank);
  const byDot = new TopK(candidates);
  const userVector = users.vectors.subarray(user * dim, (user + 1) * dim);
  const weight = users.qualityWeight[user] as number;
  const key = users.keyOffset + user;
  for (let i = 0; i < count; i++) {
    let s = 0;
    const offset = i * dim;
    for (let j = 0; j < dim; j++) s += (userVector[j] as number) * (vectors[offset + j] as number);
    byDot.push(s, i);
    const base = trueUtility(s, quality[i] as number, weight, 0);
    if (i >= floorRank && base + NOISE_SD * MAX_PAIR_NOISE < byUtility.min()) continue;
    byUtility.push(base + NOISE_SD * pairNoise(users.seed, key, i), i);
  }
  const ranked = byUtility.sorted();
  return {
    topIds: ranked.ids.slice(0, k),
    topUtilities: ranked.scores.slice(0, k),
    scale: { best: ranked.scores[0] ?? 0, floor: ranked.scores[ranked.scores.length - 1] ?? 0 },
    exactCandidates: byDot.sorted().ids,
  };
}
