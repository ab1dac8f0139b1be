import type { PipelineDefinition } from "../types";
import { type AnnParams, annParamsSchema } from "./params";
import { type AnnResult, runAnn } from "./run";
import { summarizeAnn } from "./summarize";

/**
 * Approximate nearest-neighbour search, measured: an exact SIMD scan as ground truth and
 * bandwidth yardstick, HNSW (usearch) with an ef sweep for the recall/latency trade-off,
 * IVF-PQ memory beside it, and an extrapolation to the candidate's corpus size, so a stated
 * "1B vectors, 5 ms, recall 0.99, 100 GB" can be checked against numbers from this machine.
 */
export const annPipeline: PipelineDefinition<AnnParams, AnnResult> = {
  name: "ann",
  title: "Vector search: exact scan vs HNSW",
  description:
    "Builds an HNSW index over synthetic clustered embeddings, sweeps ef for recall@k against an exact SIMD scan, measures latency, QPS, memory and bandwidth, and extrapolates to a target corpus size to check a candidate's claim.",
  paramsSchema: annParamsSchema,
  run: runAnn,
  summarize: summarizeAnn,
};

export type { AnnParams, AnnResult };
