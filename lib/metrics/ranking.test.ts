import { describe, expect, it } from "vitest";
import { MetricInputError } from "./input-error";
import { ndcgAtK, rankedRelevancesByQuery, rankingMetrics, recallAtK, reciprocalRank } from "./ranking";

const close = (actual: number | undefined, expected: number) =>
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThan(1e-9);

// q1 ranks A(rel 0), B(3), C(1), D(2) by score; q2 is all zero; q3 ties E(0) and F(1) at 0.5, E first in
// the input. q1's rows are interleaved with the others to check grouping.
const rows = [
  { queryId: "q1", relevance: 3, score: 0.8 },
  { queryId: "q2", relevance: 0, score: 0.4 },
  { queryId: "q1", relevance: 0, score: 0.9 },
  { queryId: "q3", relevance: 0, score: 0.5 },
  { queryId: "q1", relevance: 1, score: 0.6 },
  { queryId: "q2", relevance: 0, score: 0.2 },
  { queryId: "q3", relevance: 1, score: 0.5 },
  { queryId: "q1", relevance: 2, score: 0.3 },
];

describe("per-query metrics", () => {
  it("NDCG uses gain 2^rel - 1 and discount log2(rank + 1)", () => {
    // DCG@3 of [0, 3, 1, 2] = 0/log2 2 + 7/log2 3 + 1/log2 4 = 0 + 4.4165082750 + 0.5 = 4.9165082750.
    // Ideal [3, 2, 1, 0]: 7/1 + 3/log2 3 + 1/2 = 7 + 1.8927892607 + 0.5 = 9.3927892607.
    // NDCG@3 = 4.9165082750 / 9.3927892607 = 0.5234343216.
    // DCG@5 adds 3/log2 5 = 1.2920296742 -> 6.2085379492; ideal unchanged; NDCG@5 = 0.6609898058.
    close(ndcgAtK([0, 3, 1, 2], 3), 0.5234343216411389);
    close(ndcgAtK([0, 3, 1, 2], 5), 0.6609898057851442);
    close(ndcgAtK([3, 2, 1, 0], 2), 1);
  });

  it("scores an all-zero query 0 on every metric", () => {
    expect([ndcgAtK([0, 0], 5), reciprocalRank([0, 0]), recallAtK([0, 0], 5)]).toEqual([0, 0, 0]);
  });

  it("MRR takes the first item with relevance > 0; recall@k counts relevant items in the top k", () => {
    expect(reciprocalRank([0, 0, 2, 1])).toBe(1 / 3);
    expect(reciprocalRank([0.5, 0])).toBe(1);
    // Relevant: 3 of 4 items; the top 3 hold 2 of them.
    close(recallAtK([0, 3, 1, 2], 3), 2 / 3);
    expect(recallAtK([0, 3, 1, 2], 1)).toBe(0);
  });

  it("keeps input order for equal scores (a stable sort)", () => {
    expect(rankedRelevancesByQuery(rows)).toEqual([
      [0, 3, 1, 2],
      [0, 0],
      [0, 1],
    ]);
    const flipped = [
      { queryId: "q", relevance: 1, score: 0.5 },
      { queryId: "q", relevance: 0, score: 0.5 },
    ];
    expect(rankedRelevancesByQuery(flipped)).toEqual([[1, 0]]);
  });
});

describe("rankingMetrics", () => {
  it("averages over every query, the all-zero one included", () => {
    // NDCG@3: q1 0.5234343216; q2 0; q3 [0, 1]: (1/log2 3) / 1 = 0.6309297536 -> mean 1.1543640752 / 3 = 0.3847880251.
    // NDCG@5: (0.6609898058 + 0 + 0.6309297536) / 3 = 0.4306398531.
    // NDCG@1: q1 ranks rel 0 first, q3 ranks E (rel 0) first because of the tie: all 0.
    // MRR: (1/2 + 0 + 1/2) / 3 = 1/3.  Recall@3: (2/3 + 0 + 1) / 3 = 5/9.  Recall@1: 0.
    const metrics = rankingMetrics(rows, [1, 3, 5]);
    expect(metrics.queries).toBe(3);
    expect(Object.keys(metrics.ndcg)).toEqual(["1", "3", "5"]);
    close(metrics.ndcg["1"], 0);
    close(metrics.ndcg["3"], 0.38478802507086546);
    close(metrics.ndcg["5"], 0.43063985311886727);
    close(metrics.mrr, 1 / 3);
    close(metrics.recall["1"], 0);
    close(metrics.recall["3"], 5 / 9);
  });

  it("treats graded relevance in the gain but as binary in MRR and recall", () => {
    // One query, ranked [1, 2]: DCG@2 = 1 + 3/log2 3 = 2.8927892607; ideal 3 + 1/log2 3 = 3.6309297536;
    // NDCG@2 = 2.8927892607 / 3.6309297536 = 0.7967075810.
    const metrics = rankingMetrics(
      [
        { queryId: "a", relevance: 1, score: 2 },
        { queryId: "a", relevance: 2, score: 1 },
      ],
      [2],
    );
    close(metrics.ndcg["2"], (1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)));
    close(metrics.ndcg["2"], 0.7967075809905066);
    expect(metrics.mrr).toBe(1);
    expect(metrics.recall["2"]).toBe(1);
  });

  it.each([
    [[], [5], /no rows/],
    [rows, [], /at least one k/],
    [rows, [0], /k is 0/],
    [rows, [2.5], /k is 2.5/],
    [[{ queryId: "", relevance: 1, score: 1 }], [5], /rows\[0\] has an empty queryId/],
    [[{ queryId: "q", relevance: -1, score: 1 }], [5], /relevance must be a number >= 0/],
    [[{ queryId: "q", relevance: 1, score: Number.NaN }], [5], /not a finite number/],
  ])("throws a clear error on bad input %#", (input, ks, message) => {
    expect(() => rankingMetrics(input, ks)).toThrow(MetricInputError);
    expect(() => rankingMetrics(input, ks)).toThrow(message);
  });
});
