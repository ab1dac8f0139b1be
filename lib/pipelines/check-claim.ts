import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { CheckCard } from "@/lib/types";
import { getPipeline } from "./registry";
import { runPipelineInWorker } from "./run-in-worker";

/**
 * The small-scale run that checks a claim inside an interview (a few seconds at most), with the
 * candidate's own figures passed in so the result sets them beside what was measured.
 */
export function claimParams(claim: QuantitativeClaim): Record<string, unknown> {
  switch (claim.pipeline) {
    case "ann":
      return {
        n: 20_000,
        dim: 64,
        queries: 200,
        efSweep: [16, 64],
        claim: { latencyMs: claim.latencyMs, recall: claim.recall, n: claim.items },
        ...(claim.items ? { targetN: claim.items } : {}),
      };
    case "funnel":
      return { items: 20_000, users: 50, budget: { totalMs: claim.totalMs } };
    case "ctr":
      return { impressions: 40_000, claim: { [claim.metric]: claim.value } };
    case "capacity":
      return {
        ...(claim.items ? { items: claim.items } : {}),
        ...(claim.dim ? { dim: claim.dim } : {}),
        ...(claim.memoryGB ? { claimedMemoryGB: claim.memoryGB } : {}),
      };
  }
}

/** Runs the check off the request thread and turns the result into a chat card. */
export async function checkClaim(claim: QuantitativeClaim, onProgress: (message: string) => void): Promise<CheckCard> {
  const pipeline = getPipeline(claim.pipeline);
  const params = pipeline.paramsSchema.parse(claimParams(claim));
  const result = await runPipelineInWorker(claim.pipeline, params, {
    onProgress: (_f, message) => onProgress(message),
  });
  const summary = pipeline.summarize(result);
  return {
    pipeline: claim.pipeline,
    title: pipeline.title,
    claim: claim.quote,
    headline: summary.headline,
    rows: summary.rows.slice(0, 8),
    chart: summary.charts[0] ?? null,
    assumptions: summary.assumptions ?? [],
  };
}
