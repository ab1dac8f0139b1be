/**
 * Quality figures of one served request against its user's ground truth (untimed): recall of the
 * true top K through each stage, and NDCG@K of the orderings a design could ship, so the value
 * of the ranker and the cost of each business rule can be read off the same requests.
 */
import { ndcg, recallOf } from "./metrics";
import type { ServedRequest, StageSettings } from "./request";
import { distinctTopics, maxPerAuthor, rerank } from "./rerank";
import type { UserTruth } from "./truth";
import { type Catalogue, type Users, utilityOf } from "./world";

export interface RequestQuality {
  recall: { candidates: number; ranked: number; final: number };
  /** Share of the exact top C by dot product that HNSW returned. */
  annRecall: number;
  ndcg: { retrievalOrder: number; ranker: number; authorCapOnly: number; diversityOnly: number; final: number };
  topicsBefore: number;
  topicsAfter: number;
  maxPerAuthorBefore: number;
  maxPerAuthorAfter: number;
  candidateCount: number;
  keptCount: number;
  finalLength: number;
}

export function evaluateRequest(
  served: ServedRequest,
  truth: UserTruth,
  catalogue: Catalogue,
  users: Users,
  user: number,
  settings: StageSettings,
): RequestQuality {
  const k = settings.finalK;
  const utilities = (ids: readonly number[]) => ids.map((id) => utilityOf(users, user, catalogue, id));
  const score = (ids: readonly number[]) => ndcg(utilities(ids), truth.topUtilities, truth.scale);
  const ruled = (authorCap: number, lambda: number) =>
    rerank({
      ids: served.keptIds,
      scores: served.keptScores,
      topic: catalogue.topic,
      author: catalogue.author,
      k,
      authorCap,
      lambda,
    });
  const rankerTop = served.keptIds.slice(0, k);
  return {
    recall: {
      candidates: recallOf(truth.topIds, served.candidateIds),
      ranked: recallOf(truth.topIds, served.keptIds),
      final: recallOf(truth.topIds, served.finalIds),
    },
    annRecall: recallOf(truth.exactCandidates, served.candidateIds),
    ndcg: {
      retrievalOrder: score(Array.from(served.candidateIds.subarray(0, k))),
      ranker: score(rankerTop),
      authorCapOnly: score(ruled(settings.authorCap, 1)),
      diversityOnly: score(ruled(Number.POSITIVE_INFINITY, settings.diversityLambda)),
      final: score(served.finalIds),
    },
    topicsBefore: distinctTopics(rankerTop, catalogue.topic),
    topicsAfter: distinctTopics(served.finalIds, catalogue.topic),
    maxPerAuthorBefore: maxPerAuthor(rankerTop, catalogue.author),
    maxPerAuthorAfter: maxPerAuthor(served.finalIds, catalogue.author),
    candidateCount: served.candidateIds.length,
    keptCount: served.keptIds.length,
    finalLength: served.finalIds.length,
  };
}
