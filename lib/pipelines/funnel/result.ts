/**
 * The funnel pipeline's result (plain JSON), and the averaging of per-request figures into it.
 * Fields ending in `Ms` (and the budget's `fits`) depend on the machine; everything else is
 * fixed by the parameters and the seed.
 */
import type { BudgetResult, StageId } from "./budget";
import type { RequestQuality } from "./evaluate";
import { mean, quantile } from "./metrics";
import type { FunnelParams } from "./params";

export interface StageFigures {
  id: StageId;
  label: string;
  itemsIn: number;
  /** Mean items the stage passes on (HNSW can return fewer than C; the author cap can leave fewer than K). */
  itemsOut: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Mean share of the user's true top K still present after this stage. */
  recall: number;
}

export interface FunnelResult {
  params: FunnelParams;
  catalogue: { items: number; dim: number; topics: number; authors: number; users: number };
  index: {
    engine: string;
    M: number;
    efConstruction: number;
    efSearch: number;
    quantization: string;
    buildThreads: number;
    buildMs: number;
  };
  ranker: {
    model: string;
    features: string[];
    /** Intercept first, on raw features. */
    coefficients: number[];
    /** Intercept first, on standardised features: their sizes compare. */
    standardisedWeights: number[];
    trainingUsers: number;
    impressions: number;
    clickRate: number;
    trainMs: number;
  };
  stages: StageFigures[];
  total: { p50Ms: number; p99Ms: number; meanMs: number };
  /** Mean share of the exact top C by dot product that HNSW returned. */
  annRecall: number;
  ndcg: {
    retrievalOrder: number;
    ranker: number;
    authorCapOnly: number;
    diversityOnly: number;
    final: number;
    /** ranker - final: NDCG@K given up for the business rules. */
    businessRuleCost: number;
    /** ranker - retrievalOrder: what the ranker adds over the dot-product order. */
    rankerGain: number;
  };
  rules: {
    meanTopicsBefore: number;
    meanTopicsAfter: number;
    meanMaxPerAuthorBefore: number;
    /** Share of requests whose ranker top K breaks the author cap. */
    shareOverCapBefore: number;
    /** Largest per-author count in any final list (never above the cap). */
    maxPerAuthorFinal: number;
    meanFinalLength: number;
  };
  budget: BudgetResult;
  gainMapping: string;
  truthMs: number;
  runMs: number;
}

export function latencyFigures(values: number[]) {
  return { p50Ms: quantile(values, 0.5), p99Ms: quantile(values, 0.99), meanMs: mean(values) };
}

/** Means of the per-request quality figures. */
export function aggregateQuality(qualities: RequestQuality[], authorCap: number) {
  const avg = (pick: (q: RequestQuality) => number) => mean(qualities.map(pick));
  const ndcg = {
    retrievalOrder: avg((q) => q.ndcg.retrievalOrder),
    ranker: avg((q) => q.ndcg.ranker),
    authorCapOnly: avg((q) => q.ndcg.authorCapOnly),
    diversityOnly: avg((q) => q.ndcg.diversityOnly),
    final: avg((q) => q.ndcg.final),
  };
  return {
    /** Mean list lengths out of each stage: HNSW can return fewer than C on a small graph, the cap can leave fewer than K. */
    lengths: {
      candidates: avg((q) => q.candidateCount),
      kept: avg((q) => q.keptCount),
      final: avg((q) => q.finalLength),
    },
    recall: {
      candidates: avg((q) => q.recall.candidates),
      ranked: avg((q) => q.recall.ranked),
      final: avg((q) => q.recall.final),
    },
    annRecall: avg((q) => q.annRecall),
    ndcg: { ...ndcg, businessRuleCost: ndcg.ranker - ndcg.final, rankerGain: ndcg.ranker - ndcg.retrievalOrder },
    rules: {
      meanTopicsBefore: avg((q) => q.topicsBefore),
      meanTopicsAfter: avg((q) => q.topicsAfter),
      meanMaxPerAuthorBefore: avg((q) => q.maxPerAuthorBefore),
      shareOverCapBefore: avg((q) => (q.maxPerAuthorBefore > authorCap ? 1 : 0)),
      maxPerAuthorFinal: Math.max(0, ...qualities.map((q) => q.maxPerAuthorAfter)),
      meanFinalLength: avg((q) => q.finalLength),
    },
  };
}
