import { describe, expect, it } from "vitest";
import { checkBudget } from "./budget";

// Three requests; the total of each is 3, 6 and 10 ms.
const latencies = { retrieval: [1, 2, 5], ranking: [1, 2, 3], rerank: [1, 2, 2] };
const p99 = (a: number, b: number) => a + (b - a) * 0.98; // p99 of 3 sorted values lies 98% of the way from the 2nd to the 3rd

describe("checkBudget", () => {
  it("compares each stage's p99 with its budget and the total's p99 with the total", () => {
    const result = checkBudget({ totalMs: 9, retrievalMs: 5 }, latencies, 500);
    const [retrieval, ranking, , total] = result.checks;
    expect(retrieval?.measuredP99Ms).toBeCloseTo(p99(2, 5), 12);
    expect(retrieval?.fits).toBe(true);
    expect(ranking?.fits).toBeNull();
    expect(total?.measuredP99Ms).toBeCloseTo(p99(6, 10), 12);
    expect(total?.fits).toBe(false);
    expect(result.rankingScale).toBeNull();
  });

  it("adds (scale - 1) x the median ranking time when a candidate count is given", () => {
    // scale = 2,000 / 500 = 4; median ranking 2 ms, so each request's ranking gains 6 ms.
    const result = checkBudget({ rankingMs: 10, candidateCount: 2_000 }, latencies, 500);
    const ranking = result.checks[1];
    expect(result.rankingScale).toBe(4);
    expect(ranking?.comparedP99Ms).toBeCloseTo(p99(8, 9), 12);
    expect(ranking?.fits).toBe(true);
    expect(result.checks[3]?.comparedP99Ms).toBeCloseTo(p99(12, 16), 12);
    expect(result.checks[3]?.fits).toBeNull();
  });

  it("sums the stage budgets into a total when all three are given and no total is", () => {
    const result = checkBudget({ retrievalMs: 5, rankingMs: 3, rerankMs: 2 }, latencies, 500);
    expect(result.checks[3]?.budgetMs).toBe(10);
    expect(result.checks[3]?.fits).toBe(true);
  });
});
