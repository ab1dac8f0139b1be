/**
 * The funnel run: build the synthetic world and the HNSW index, train the ranker on clicks from
 * separate training users, scan the catalogue for every evaluation user's truth, then serve one
 * request per user, one at a time, timing each stage, and judge each list against the truth.
 */
import type { PipelineContext } from "../types";
import { checkBudget, type StageId } from "./budget";
import { evaluateRequest, type RequestQuality } from "./evaluate";
import { FLOOR_RANK_FACTOR, MAX_RELEVANCE } from "./metrics";
import type { FunnelParams } from "./params";
import { hnswSettings, prepareWorld, progressRange } from "./prepare";
import { RANKER_FEATURES } from "./ranker";
import { serveRequest } from "./request";
import { aggregateQuality, type FunnelResult, latencyFigures } from "./result";
import { checkpoint } from "./retrieval";
import { TRAINING_USERS } from "./training";
import type { UserTruth } from "./truth";

/** Requests served untimed first, so first-touch page faults and JIT warm-up are not latency. */
const WARMUP_REQUESTS = 20;

export async function runFunnel(params: FunnelParams, context: PipelineContext): Promise<FunnelResult> {
  const started = performance.now();
  const { signal } = context;
  const progress = progressRange(context);

  const { catalogue, users, index, buildMs, trained, truths, truthMs } = await prepareWorld(params, context);
  const hnsw = hnswSettings(params);

  const chunk = Math.max(1, Math.ceil(params.users / 20));
  const settings = params;
  const userVector = (u: number) => users.vectors.slice(u * params.dim, (u + 1) * params.dim);
  const weight = (u: number) => users.qualityWeight[u] as number;
  await checkpoint(signal);
  for (let u = 0; u < Math.min(WARMUP_REQUESTS, params.users); u++) {
    serveRequest(index, trained.ranker, catalogue, userVector(u), weight(u), settings);
  }
  const latencies: Record<StageId, number[]> = { retrieval: [], ranking: [], rerank: [] };
  const qualities: RequestQuality[] = [];
  const serveProgress = progress(0.85, 1, "serving one request per user, one at a time");
  for (let from = 0; from < params.users; from += chunk) {
    await checkpoint(signal);
    serveProgress(from / params.users);
    const to = Math.min(params.users, from + chunk);
    const vectors = Array.from({ length: to - from }, (_, i) => userVector(from + i));
    const served = vectors.map((vector, i) =>
      serveRequest(index, trained.ranker, catalogue, vector, weight(from + i), settings),
    );
    served.forEach((request, i) => {
      latencies.retrieval.push(request.retrievalMs);
      latencies.ranking.push(request.rankingMs);
      latencies.rerank.push(request.rerankMs);
      qualities.push(evaluateRequest(request, truths[from + i] as UserTruth, catalogue, users, from + i, settings));
    });
  }
  context.onProgress(1, "done");

  const quality = aggregateQuality(qualities, params.authorCap);
  const { lengths } = quality;
  const stage = (id: StageId, label: string, itemsIn: number, itemsOut: number, recall: number) => ({
    id,
    label,
    itemsIn,
    itemsOut,
    ...latencyFigures(latencies[id]),
    recall,
  });
  const totals = latencies.retrieval.map((ms, i) => ms + (latencies.ranking[i] ?? 0) + (latencies.rerank[i] ?? 0));
  return {
    params,
    catalogue: {
      items: params.items,
      dim: params.dim,
      topics: catalogue.topics,
      authors: catalogue.authors,
      users: params.users,
    },
    index: { engine: `usearch HNSW (${params.quantization}, inner product)`, ...hnsw, buildThreads: 1, buildMs },
    ranker: {
      model: "logistic regression on cross features, Newton's method on simulated clicks",
      features: [...RANKER_FEATURES],
      coefficients: trained.ranker.coefficients,
      standardisedWeights: trained.ranker.standardisedWeights,
      trainingUsers: TRAINING_USERS,
      impressions: trained.impressions,
      clickRate: trained.clickRate,
      trainMs: trained.trainMs,
    },
    stages: [
      stage("retrieval", "Candidate generation (HNSW)", params.items, lengths.candidates, quality.recall.candidates),
      stage("ranking", "Ranking (logistic model)", lengths.candidates, lengths.kept, quality.recall.ranked),
      stage("rerank", "Re-ranking (author cap + MMR)", lengths.kept, lengths.final, quality.recall.final),
    ],
    total: latencyFigures(totals),
    annRecall: quality.annRecall,
    ndcg: quality.ndcg,
    rules: quality.rules,
    budget: checkBudget(params.budget, latencies, params.candidates),
    gainMapping: `gain = 2^rel - 1 with rel = ${MAX_RELEVANCE} x clamp((U - U_floor) / (U_best - U_floor), 0, 1), U_best the user's best true utility and U_floor the utility at their true rank ${FLOOR_RANK_FACTOR} x K`,
    truthMs,
    runMs: performance.now() - started,
  };
}
