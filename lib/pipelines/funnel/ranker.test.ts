import { describe, expect, it } from "vitest";
import { mulberry32, normal } from "../random";
import { featureRow, rankScore, solve, trainRanker } from "./ranker";

describe("solve", () => {
  it("solves a small linear system", () => {
    // 2x + y = 5, x + 3y = 10 -> x = 1, y = 3.
    const [x, y] = solve(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    );
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(3, 12);
  });
});

describe("trainRanker", () => {
  it("recovers the coefficients of a known logistic model", () => {
    const random = mulberry32(11);
    const truth = [-1, 2, 0, 1.5, -0.5];
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      const row = featureRow(normal(random), normal(random), 0.5 + random());
      const z = (truth[0] as number) + row.reduce((sum, v, j) => sum + v * (truth[j + 1] as number), 0);
      rows.push(row);
      labels.push(random() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    }
    const ranker = trainRanker(rows, labels, 0);
    ranker.coefficients.forEach((c, j) => {
      expect(c).toBeCloseTo(truth[j] as number, 1);
    });
    expect(ranker.iterations).toBeLessThan(15);
    const row = featureRow(0.3, -1, 1.2);
    const z = (truth[0] as number) + row.reduce((sum, v, j) => sum + v * (truth[j + 1] as number), 0);
    expect(rankScore(ranker, 0.3, -1, 1.2)).toBeCloseTo(z, 0);
  });
});
