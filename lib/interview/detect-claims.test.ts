import { describe, expect, it } from "vitest";
import { detectClaims } from "./detect-claims";

describe("detectClaims", () => {
  it("reads an ANN latency and recall claim with its scale", () => {
    expect(detectClaims("HNSW returns the top 500 of a billion videos in 10 ms at recall 0.95.")).toEqual([
      {
        pipeline: "ann",
        quote: "HNSW returns the top 500 of a billion videos in 10 ms at recall 0.95.",
        latencyMs: 10,
        recall: 0.95,
        items: undefined,
      },
    ]);
    expect(detectClaims("Our ANN index over 200 million videos answers in 5 ms.")[0]).toMatchObject({
      pipeline: "ann",
      latencyMs: 5,
      items: 2e8,
    });
  });

  it("reads memory sizing, funnel budgets and metric values", () => {
    expect(detectClaims("The index fits in 64 GB for 100 million items at 128 dimensions.")[0]).toMatchObject({
      pipeline: "capacity",
      memoryGB: 64,
      items: 1e8,
      dim: 128,
    });
    expect(detectClaims("Retrieval plus ranking must fit a 200 ms p99 budget end to end.")[0]).toMatchObject({
      pipeline: "funnel",
      totalMs: 200,
    });
    expect(detectClaims("A log loss of 0.1 is good.")[0]).toMatchObject({
      pipeline: "ctr",
      metric: "logLoss",
      value: 0.1,
    });
    expect(detectClaims("NE of 0.85 would beat the baseline.")[0]).toMatchObject({
      pipeline: "ctr",
      metric: "ne",
      value: 0.85,
    });
  });

  it("finds nothing in an answer without a checkable number", () => {
    expect(detectClaims("I would use a two-tower model because it scales.")).toEqual([]);
    expect(detectClaims("We have 5 engineers and 3 months.")).toEqual([]);
  });
});
