import { describe, expect, it } from "vitest";
import { dcg, gainOf, ndcg, quantile, recallOf, relevanceOf } from "./metrics";

const unit = { best: 1, floor: 0 };

describe("gain from utility", () => {
  it("maps the best utility to relevance 3 (gain 7) and the floor or below to 0", () => {
    expect(relevanceOf(1, unit)).toBe(3);
    expect(relevanceOf(0, unit)).toBe(0);
    expect(relevanceOf(-5, unit)).toBe(0);
    expect(relevanceOf(2, unit)).toBe(3);
    expect(gainOf(1, unit)).toBe(7);
    expect(gainOf(0.5, unit)).toBeCloseTo(2 ** 1.5 - 1, 12);
    expect(relevanceOf(3, { best: 4, floor: 2 })).toBeCloseTo(1.5, 12);
  });

  it("gives full relevance at or above the floor when best equals floor", () => {
    expect(relevanceOf(1, { best: 1, floor: 1 })).toBe(3);
    expect(relevanceOf(0.9, { best: 1, floor: 1 })).toBe(0);
  });
});

describe("NDCG@K", () => {
  it("matches a hand computation", () => {
    // DCG [0.5, 1] = 1.8284 / 1 + 7 / log2(3) = 6.24494; ideal [1, 0.5] = 7 + 1.8284 / log2(3) = 8.15361.
    expect(dcg([0.5, 1], unit)).toBeCloseTo(6.244935399746392, 10);
    expect(ndcg([0.5, 1], [1, 0.5], unit)).toBeCloseTo(0.7659105731118181, 10);
    expect(ndcg([1, 0.5], [1, 0.5], unit)).toBe(1);
    expect(ndcg([0.25, 0], [1, 0.5], unit)).toBeCloseTo(0.08361853312024331, 10);
  });

  it("scores 0 when the ideal list has no gain", () => {
    expect(ndcg([0], [0], unit)).toBe(0);
  });
});

describe("recall of the true top K", () => {
  it("counts the true top K ids present in the kept set", () => {
    expect(recallOf([1, 2, 3, 4], [2, 4, 9])).toBe(0.5);
    expect(recallOf([1, 2], new Set([1, 2, 3]))).toBe(1);
    expect(recallOf([], [1])).toBe(0);
  });
});

describe("quantile", () => {
  it("interpolates between order statistics", () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96, 12);
  });
});
