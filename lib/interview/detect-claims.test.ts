import { describe, expect, it } from "vitest";
import { detectClaims, findChecks } from "./detect-claims";

describe("detectClaims", () => {
  it("reads an ANN latency and recall claim with its scale", () => {
    expect(detectClaims("HNSW returns the top 500 of a billion videos in 10 ms at recall 0.95.")).toEqual([
      {
        pipeline: "ann",
        quote: "HNSW returns the top 500 of a billion videos in 10 ms at recall 0.95.",
        latencyMs: 10,
        recall: 0.95,
        items: 1e9,
      },
    ]);
    expect(detectClaims("Our ANN index over 200 million 768-d videos answers in 5 ms.")[0]).toMatchObject({
      pipeline: "ann",
      latencyMs: 5,
      items: 2e8,
      dim: 768,
    });
    // "top 100 of 6 billion" is an ANN claim even without naming the index.
    expect(detectClaims("top 100 of 6 billion in 1 ms on one core, no sharding")[0]).toMatchObject({
      pipeline: "ann",
      latencyMs: 1,
      items: 6e9,
    });
  });

  it("reads funnel budgets and metric values, and leaves memory sizing to the arithmetic checks", () => {
    expect(detectClaims("The index fits in 64 GB for 100 million items at 128 dimensions.")).toEqual([]);
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

describe("findChecks", () => {
  it("puts the memory check of a one-machine ANN claim before the pipeline claim", () => {
    const found = findChecks("We can return the top 100 of 6 billion in 1 ms on one core, no sharding.");
    expect(found.arithmetic[0]).toMatchObject({ kind: "memory", verdict: "too_low" });
    expect(found.pipeline[0]).toMatchObject({ pipeline: "ann", items: 6e9 });
  });

  it("checks memory sizing arithmetically", () => {
    // 1e8 × 128 × 4 = 51.2 GB, with HNSW links 64 GB.
    const found = findChecks("The index fits in 64 GB for 100 million items at 128 dimensions.");
    expect(found.arithmetic[0]).toMatchObject({ kind: "memory", verdict: "consistent" });
    expect(found.pipeline).toEqual([]);
  });

  it("lets a later sentence borrow an earlier sentence's figures and the ledger's", () => {
    // 400M × 6 / 86,400 = 27,778/s.
    const found = findChecks(
      "We have 400 million daily active users. Each opens the app 6 times a day, so about 28,000 QPS.",
    );
    expect(found.arithmetic[0]).toMatchObject({ kind: "qps", verdict: "consistent" });
  });
});
