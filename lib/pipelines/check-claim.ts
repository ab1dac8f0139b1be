import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { CheckCard } from "@/lib/types";
import { runCheckInWorker } from "./check-worker";
import { claimHeadline } from "./claim-headline";
import { getPipeline } from "./registry";

/** Widest vectors the in-interview ANN run builds: 20,000 × 256 keeps the run to a few seconds. */
export const CLAIM_RUN_MAX_DIM = 256;
const CLAIM_RUN_N = 20_000;
const DEFAULT_CLAIM_DIM = 64;

/** The dimension the small run uses for an ANN claim, and a note when it is not the candidate's. */
export function annRunDim(claim: QuantitativeClaim): { dim: number; note?: string } {
  if (claim.pipeline !== "ann" || claim.dim === undefined) return { dim: DEFAULT_CLAIM_DIM };
  const dim = Math.max(2, Math.round(claim.dim));
  if (dim <= CLAIM_RUN_MAX_DIM) return { dim };
  return {
    dim: CLAIM_RUN_MAX_DIM,
    note: `The run uses ${CLAIM_RUN_MAX_DIM}-dim vectors, not your ${dim}, to finish in seconds; wider vectors make each distance (and so latency) roughly proportionally slower.`,
  };
}

/**
 * The small-scale run that checks a claim inside an interview (a few seconds at most), with the
 * candidate's own figures passed in so the result sets them beside what was measured, and the
 * candidate's corpus size as `targetN` so the figures are extrapolated to it.
 */
export function claimParams(claim: QuantitativeClaim): Record<string, unknown> {
  switch (claim.pipeline) {
    case "ann":
      return {
        n: CLAIM_RUN_N,
        dim: annRunDim(claim).dim,
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

/** A memory claim's card shows the memory rows only; traffic rows answer another question. */
const MEMORY_ROW = /^(Your stated memory|Embedding storage|Index memory)/;

/** Runs the check off the request thread and turns the result into a chat card. */
export async function checkClaim(claim: QuantitativeClaim, onProgress: (message: string) => void): Promise<CheckCard> {
  const pipeline = getPipeline(claim.pipeline);
  const params = pipeline.paramsSchema.parse(claimParams(claim));
  const result = await runCheckInWorker(claim.pipeline, params, {
    onProgress: (_f, message) => onProgress(message),
  });
  const summary = pipeline.summarize(result);
  const rows = claim.pipeline === "capacity" ? summary.rows.filter((r) => MEMORY_ROW.test(r.label)) : summary.rows;
  const note = annRunDim(claim).note;
  return {
    pipeline: claim.pipeline,
    title: pipeline.title,
    claim: claim.quote,
    headline: claimHeadline(claim, result, summary.headline),
    rows: rows.slice(0, 8),
    chart: summary.charts[0] ?? null,
    assumptions: [...(note ? [note] : []), ...(summary.assumptions ?? [])],
  };
}

/** Claims like the ones interviews check most, run once at start so the first candidate's card is warm. */
const WARM_UP_CLAIMS: QuantitativeClaim[] = [
  { pipeline: "ann", quote: "warm-up", latencyMs: 5, recall: 0.95, items: 1e8, dim: 128 },
  { pipeline: "ann", quote: "warm-up", latencyMs: 5, recall: 0.95, items: 1e8, dim: 256 },
  { pipeline: "funnel", quote: "warm-up", totalMs: 200 },
  { pipeline: "ctr", quote: "warm-up", metric: "logLoss", value: 0.4 },
];

/**
 * Builds the check worker's caches in the background (a few seconds on two cores), one run at a
 * time, so checks during an interview reuse their indexes; a failure only costs the warm start.
 */
export async function warmUpChecks(onError: (error: unknown) => void): Promise<void> {
  for (const claim of WARM_UP_CLAIMS) {
    try {
      await checkClaim(claim, () => {});
    } catch (error) {
      onError(error);
      return;
    }
  }
}
