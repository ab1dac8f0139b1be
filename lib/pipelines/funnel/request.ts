/**
 * One user request through the three stages, timed stage by stage. Only serving work is inside
 * the timers: the ground truth and the metrics are computed afterwards, untimed. Ranking time
 * includes fetching each candidate's features (its exact dot product with the user and its
 * quality), scoring, and keeping the top R.
 */
import type { Index } from "usearch";
import { type Ranker, rankScore } from "./ranker";
import { rerank } from "./rerank";
import { retrieve } from "./retrieval";
import { topPositions } from "./topk";
import { type Catalogue, dotWith } from "./world";

export interface StageSettings {
  candidates: number;
  rankKeep: number;
  finalK: number;
  authorCap: number;
  diversityLambda: number;
}

export interface ServedRequest {
  candidateIds: Int32Array;
  /** Kept by the ranker, best first, with their ranker scores. */
  keptIds: number[];
  keptScores: number[];
  finalIds: number[];
  retrievalMs: number;
  rankingMs: number;
  rerankMs: number;
}

export function serveRequest(
  index: Index,
  ranker: Ranker,
  catalogue: Catalogue,
  userVector: Float32Array,
  qualityWeight: number,
  settings: StageSettings,
): ServedRequest {
  const t0 = performance.now();
  const ids = retrieve(index, userVector, settings.candidates);
  const t1 = performance.now();
  const scores = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    const s = dotWith(userVector, catalogue.vectors, id, catalogue.dim);
    scores[i] = rankScore(ranker, s, catalogue.quality[id] as number, qualityWeight);
  }
  const keptPositions = topPositions(scores, settings.rankKeep);
  const keptIds = keptPositions.map((p) => ids[p] as number);
  const keptScores = keptPositions.map((p) => scores[p] as number);
  const t2 = performance.now();
  const finalIds = rerank({
    ids: keptIds,
    scores: keptScores,
    topic: catalogue.topic,
    author: catalogue.author,
    k: settings.finalK,
    authorCap: settings.authorCap,
    lambda: settings.diversityLambda,
  });
  const t3 = performance.now();
  return {
    candidateIds: ids,
    keptIds,
    keptScores,
    finalIds,
    retrievalMs: t1 - t0,
    rankingMs: t2 - t1,
    rerankMs: t3 - t2,
  };
}
