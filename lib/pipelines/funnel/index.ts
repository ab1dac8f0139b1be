/**
 * The funnel reference pipeline: a two-stage recommender (HNSW candidates, a learned ranker,
 * business-rule re-ranking) on a seeded synthetic catalogue, measuring each stage's latency and
 * how much of the true top K survives it, to check the funnel numbers a candidate states.
 */
import type { PipelineDefinition } from "../types";
import { type FunnelParams, funnelParamsSchema } from "./params";
import type { FunnelResult } from "./result";
import { runFunnel } from "./run";
import { summarizeFunnel } from "./summarize";

export const funnelPipeline: PipelineDefinition<FunnelParams, FunnelResult> = {
  name: "funnel",
  title: "Recommendation funnel: retrieval, ranking, re-ranking",
  description:
    "Builds an HNSW index over synthetic item embeddings, retrieves C candidates per user, ranks them with a logistic model trained on simulated clicks, keeps R, then applies an author cap and MMR topic diversity to show K. Reports p50/p99 latency per stage against a latency budget, the share of each user's true top K surviving each stage, NDCG@K against the true utility, and what the business rules cost in NDCG. The default (100,000 items, 200 users) takes about 10 s; the HNSW build is most of it.",
  paramsSchema: funnelParamsSchema,
  run: runFunnel,
  summarize: summarizeFunnel,
};
