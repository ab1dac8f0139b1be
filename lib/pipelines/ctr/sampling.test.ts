import { describe, expect, it } from "vitest";
import { downsampleNegatives, recalibrate } from "./sampling";

describe("recalibrate", () => {
  it("matches q = p / (p + (1 - p) / w) on hand-worked values", () => {
    // p = 0.5, w = 0.1: 0.5 / (0.5 + 0.5 / 0.1) = 0.5 / 5.5
    expect(recalibrate(0.5, 0.1)).toBeCloseTo(0.5 / 5.5, 12);
    expect(recalibrate(0.5, 0.1)).toBeCloseTo(0.090909, 6);
    // p = 0.1, w = 0.1: 0.1 / (0.1 + 9) = 0.010989
    expect(recalibrate(0.1, 0.1)).toBeCloseTo(0.010989, 6);
    // p = 0.2, w = 0.5: 0.2 / (0.2 + 1.6) = 0.1111
    expect(recalibrate(0.2, 0.5)).toBeCloseTo(0.111111, 6);
  });

  it("is the identity when nothing was dropped, and keeps 0 and 1", () => {
    expect(recalibrate(0.37, 1)).toBeCloseTo(0.37, 12);
    expect(recalibrate(0, 0.1)).toBe(0);
    expect(recalibrate(1, 0.1)).toBe(1);
  });

  it("inverts what sampling does to a true rate: p' = p / (p + (1 - p) w)", () => {
    for (const p of [0.001, 0.02, 0.3, 0.9]) {
      for (const w of [0.01, 0.1, 0.5]) {
        const sampled = p / (p + (1 - p) * w);
        expect(recalibrate(sampled, w)).toBeCloseTo(p, 12);
      }
    }
  });
});

describe("downsampleNegatives", () => {
  const labels = Uint8Array.from({ length: 20_000 }, (_, i) => (i % 20 === 0 ? 1 : 0));
  const rows = Uint32Array.from({ length: labels.length }, (_, i) => i);

  it("keeps every positive and about w of the negatives, in order, the same way for a seed", () => {
    const kept = downsampleNegatives(rows, labels, 0.1, 7);
    const positives = kept.filter((row) => labels[row] === 1).length;
    const negatives = kept.length - positives;
    expect(positives).toBe(1_000);
    expect(negatives / 19_000).toBeGreaterThan(0.09);
    expect(negatives / 19_000).toBeLessThan(0.11);
    expect([...kept]).toEqual([...kept].sort((a, b) => a - b));
    expect(downsampleNegatives(rows, labels, 0.1, 7)).toEqual(kept);
  });
});
