/**
 * Sets the measured per-request latencies against the candidate's budget. A stage fits when its
 * p99 (one request at a time) is within the stage budget; the total compares the p99 of each
 * request's summed stages, not the sum of the stage p99s. When the candidate said how many
 * candidates they rank, the measured ranking time is scaled linearly to that count (ranking cost
 * is per candidate): each request's ranking time gains (scale - 1) x the median ranking time, so
 * the extra candidates cost the typical per-candidate time while a request's own jitter (a GC
 * pause, a descheduled thread) is not multiplied. Retrieval is not scaled: HNSW cost grows
 * sublinearly with ef; run with `candidates` at the stated count to measure it.
 */
import { quantile } from "./metrics";
import type { Budget } from "./params";

export type StageId = "retrieval" | "ranking" | "rerank";
export const STAGES: readonly StageId[] = ["retrieval", "ranking", "rerank"];

export interface BudgetCheck {
  stage: StageId | "total";
  budgetMs: number | null;
  /** p99 of the stage as run here. */
  measuredP99Ms: number;
  /** p99 after scaling ranking to the candidate's candidate count (equal to measured otherwise). */
  comparedP99Ms: number;
  /** null when the candidate gave no budget for this stage. */
  fits: boolean | null;
}

export interface BudgetResult {
  stated: Budget;
  /** candidateCount / candidates, when the candidate gave a count. */
  rankingScale: number | null;
  checks: BudgetCheck[];
}

const budgetKey = { retrieval: "retrievalMs", ranking: "rankingMs", rerank: "rerankMs" } as const;

export function checkBudget(budget: Budget, latencies: Record<StageId, number[]>, candidates: number): BudgetResult {
  const rankingScale = budget.candidateCount ? budget.candidateCount / candidates : null;
  const extra = rankingScale === null ? 0 : (rankingScale - 1) * quantile(latencies.ranking, 0.5);
  const scaled = (stage: StageId) =>
    stage === "ranking" && rankingScale !== null
      ? latencies.ranking.map((ms) => Math.max(0, ms + extra))
      : latencies[stage];
  const checks: BudgetCheck[] = STAGES.map((stage) => {
    const budgetMs = budget[budgetKey[stage]] ?? null;
    const comparedP99Ms = quantile(scaled(stage), 0.99);
    return {
      stage,
      budgetMs,
      measuredP99Ms: quantile(latencies[stage], 0.99),
      comparedP99Ms,
      fits: budgetMs === null ? null : comparedP99Ms <= budgetMs,
    };
  });
  const totals = (ranking: number[]) =>
    latencies.retrieval.map((ms, i) => ms + (ranking[i] ?? 0) + (latencies.rerank[i] ?? 0));
  const stageBudgets = STAGES.map((s) => budget[budgetKey[s]]);
  const totalBudget =
    budget.totalMs ??
    (stageBudgets.every((b) => b !== undefined) ? stageBudgets.reduce<number>((a, b) => a + (b ?? 0), 0) : null);
  const comparedTotal = quantile(totals(scaled("ranking")), 0.99);
  checks.push({
    stage: "total",
    budgetMs: totalBudget,
    measuredP99Ms: quantile(totals(latencies.ranking), 0.99),
    comparedP99Ms: comparedTotal,
    fits: totalBudget === null ? null : comparedTotal <= totalBudget,
  });
  return { stated: budget, rankingScale, checks };
}
