import { type PipelineDefinition, throwIfCancelled } from "../types";
import { type CapacityResult, computeCapacity } from "./compute";
import { type CapacityParams, capacityParamsSchema } from "./params";
import { summarizeCapacity } from "./summarize";

/**
 * Back-of-envelope capacity: traffic, event storage, vector-index memory (flat, HNSW, IVF-PQ),
 * bandwidth and servers, each with its formula. Pure arithmetic, so it has no seed: the same
 * parameters always give the same result.
 */
export const capacityPipeline: PipelineDefinition<CapacityParams, CapacityResult> = {
  name: "capacity",
  title: "Capacity estimate",
  description:
    "QPS, storage, index memory and servers from DAU, actions, items and embedding size: the back-of-envelope numbers of a serving design, with every formula shown.",
  paramsSchema: capacityParamsSchema,
  async run(params, context) {
    throwIfCancelled(context.signal);
    context.onProgress(0, "Working out traffic, storage and index memory");
    const result = computeCapacity(params);
    context.onProgress(1, "Done");
    return result;
  },
  summarize: summarizeCapacity,
};
