/**
 * Ranking metrics per query, averaged over queries, with the conventions of docs/metric-conventions.md: gain 2^rel - 1,
 * discount log2(rank + 1), ties keep input order, and a query with nothing relevant scores 0 but
 * still counts (so a model is not flattered by dropping its hard queries).
 */
import { MetricInputError } from "./input-error";

export interface RankingRow {
  queryId: string;
  relevance: number;
  score: number;
}

export interface RankingMetrics {
  /** Mean NDCG@k per k, keyed by k as a string (JSON object keys). */
  ndcg: Record<string, number>;
  mrr: number;
  recall: Record<string, number>;
  queries: number;
}

/** Discounted cumulative gain of relevances already in ranked order, over the first k. */
function dcgAtK(relevances: number[], k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, relevances.length); i++) {
    // Rank i + 1 is discounted by log2(rank + 1) = log2(i + 2).
    dcg += (2 ** (relevances[i] as number) - 1) / Math.log2(i + 2);
  }
  return dcg;
}

/** NDCG@k of relevances in ranked order; 0 when nothing is relevant (the ideal DCG is 0). */
export function ndcgAtK(rankedRelevances: number[], k: number): number {
  const ideal = dcgAtK(
    [...rankedRelevances].sort((a, b) => b - a),
    k,
  );
  return ideal === 0 ? 0 : dcgAtK(rankedRelevances, k) / ideal;
}

/** 1 / rank of the first item with relevance > 0, or 0 if there is none. */
export function reciprocalRank(rankedRelevances: number[]): number {
  const first = rankedRelevances.findIndex((relevance) => relevance > 0);
  return first === -1 ? 0 : 1 / (first + 1);
}

/** Relevant items (relevance > 0) in the top k over all relevant items; 0 when none is relevant. */
export function recallAtK(rankedRelevances: number[], k: number): number {
  const relevant = rankedRelevances.filter((relevance) => relevance > 0).length;
  if (relevant === 0) return 0;
  return rankedRelevances.slice(0, k).filter((relevance) => relevance > 0).length / relevant;
}

function checkRows(rows: RankingRow[], ks: number[]): void {
  if (rows.length === 0) throw new MetricInputError("There are no rows: ranking metrics need at least one query.");
  if (ks.length === 0) throw new MetricInputError("Give at least one k (e.g. 5,10).");
  for (const k of ks) {
    if (!Number.isInteger(k) || k < 1) throw new MetricInputError(`k is ${k}; each k must be a whole number >= 1.`);
  }
  rows.forEach(({ queryId, relevance, score }, i) => {
    if (queryId === "") throw new MetricInputError(`rows[${i}] has an empty queryId.`);
    if (!Number.isFinite(relevance) || relevance < 0) {
      throw new MetricInputError(`rows[${i}] has relevance ${relevance}; relevance must be a number >= 0.`);
    }
    if (!Number.isFinite(score)) throw new MetricInputError(`rows[${i}] has score ${score}, not a finite number.`);
  });
}

/** Relevances of each query (in order of first appearance), ranked by score with ties in input order. */
export function rankedRelevancesByQuery(rows: RankingRow[]): number[][] {
  const byQuery = new Map<string, RankingRow[]>();
  for (const row of rows) {
    const items = byQuery.get(row.queryId);
    if (items) items.push(row);
    else byQuery.set(row.queryId, [row]);
  }
  // Array.prototype.sort is stable (ES2019), which is what keeps equal scores in input order.
  return [...byQuery.values()].map((items) =>
    [...items].sort((a, b) => b.score - a.score).map((item) => item.relevance),
  );
}

/** The `metrics ranking` contract (docs/cli-contracts.md): mean NDCG@k and recall@k per k, MRR, and the number of queries. */
export function rankingMetrics(rows: RankingRow[], ks: number[]): RankingMetrics {
  checkRows(rows, ks);
  const queries = rankedRelevancesByQuery(rows);
  const mean = (perQuery: (relevances: number[]) => number) =>
    queries.reduce((sum, relevances) => sum + perQuery(relevances), 0) / queries.length;
  const ndcg: Record<string, number> = {};
  const recall: Record<string, number> = {};
  for (const k of ks) {
    ndcg[String(k)] = mean((relevances) => ndcgAtK(relevances, k));
    recall[String(k)] = mean((relevances) => recallAtK(relevances, k));
  }
  return { ndcg, mrr: mean(reciprocalRank), recall, queries: queries.length };
}
