import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { AnnResult } from "./ann/run";
import type { CtrResult } from "./ctr/result";
import type { FunnelResult } from "./funnel/result";

const num = (value: number, digits = 3) => Number(value.toPrecision(digits)).toLocaleString("en-US");
const count = (value: number) =>
  value >= 1e9 ? `${num(value / 1e9)} billion` : value >= 1e6 ? `${num(value / 1e6)} million` : num(value);

const VERDICT_WORDS = { plausible: "plausible", optimistic: "optimistic", implausible: "not plausible" } as const;

function annHeadline(result: AnnResult): string | null {
  const checks = result.claim?.checks ?? [];
  if (checks.length === 0) return null;
  const scale = result.claim?.scale ?? result.data.n;
  const parts = checks.map((c) => {
    if (c.figure === "latencyMs")
      return `your ${num(c.claimed)} ms is ${VERDICT_WORDS[c.verdict]} next to about ${num(c.expected)} ms a query on one core`;
    if (c.figure === "recall")
      return c.claimed <= c.expected
        ? `recall ${num(c.claimed)} was reached (best ${c.expected.toFixed(3)})`
        : `recall ${num(c.claimed)} was not reached (best ${c.expected.toFixed(3)} here)`;
    return `your ${num(c.claimed)} GB is ${VERDICT_WORDS[c.verdict]} next to ${num(c.expected)} GB for HNSW with float32 vectors`;
  });
  const basis = scale === result.data.n ? "measured" : `extrapolated from ${count(result.data.n)}`;
  return `At ${count(scale)} vectors (${basis}, ${result.data.dim} dimensions): ${parts.join("; ")}.`;
}

function funnelHeadline(claim: Extract<QuantitativeClaim, { pipeline: "funnel" }>, result: FunnelResult): string {
  const total = result.budget.checks.find((c) => c.stage === "total");
  const p99 = total?.comparedP99Ms ?? result.total.p99Ms;
  const fits = p99 <= claim.totalMs;
  return `Your ${num(claim.totalMs)} ms for the whole request ${fits ? "holds" : "does not hold"} in a small run: retrieval, ranking and re-ranking took ${num(p99)} ms at p99.`;
}

function ctrHeadline(result: CtrResult): string | null {
  return result.claim?.statements[0] ?? null;
}

/**
 * The one sentence a pipeline card leads with, in the candidate's own terms: their figure, and
 * what the run says of it. Falls back to the pipeline's own headline when the run judged nothing.
 */
export function claimHeadline(claim: QuantitativeClaim, result: unknown, fallback: string): string {
  switch (claim.pipeline) {
    case "ann":
      return annHeadline(result as AnnResult) ?? fallback;
    case "funnel":
      return funnelHeadline(claim, result as FunnelResult);
    case "ctr":
      return ctrHeadline(result as CtrResult) ?? fallback;
    default:
      return fallback;
  }
}
