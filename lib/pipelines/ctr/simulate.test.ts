import { describe, expect, it } from "vitest";
import { labelsAtCutoff, summarizeData } from "./data-summary";
import { HASH_SIZE, hashFeature } from "./features";
import { examinationProbability, simulateImpressions, splitByTime } from "./simulate";

const base = { impressions: 60_000, positions: 10, delayShare: 0.3, meanDelayDays: 1, seed: 5 };

describe("simulateImpressions", () => {
  it("uses examination k^-0.7 (hand-checked: slot 2 = 0.6156, slot 10 = 0.1995)", () => {
    expect(examinationProbability(1)).toBe(1);
    expect(examinationProbability(2)).toBeCloseTo(0.6156, 4);
    expect(examinationProbability(10)).toBeCloseTo(0.1995, 4);
  });

  it("logs whole pages in time order, clicks only where relevant, and fewer clicks lower down", async () => {
    const log = await simulateImpressions({ ...base, impressions: 60_005 });
    expect(log.n).toBe(60_000);
    const clicksBySlot = new Array(11).fill(0);
    const relevantBySlot = new Array(11).fill(0);
    let violations = 0;
    for (let i = 0; i < log.n; i++) {
      if (log.position[i] !== (i % 10) + 1) violations++;
      if (i > 0 && (log.time[i] as number) < (log.time[i - 1] as number)) violations++;
      if ((log.click[i] as number) > (log.relevant[i] as number)) violations++;
      clicksBySlot[log.position[i] as number] += log.click[i];
      relevantBySlot[log.position[i] as number] += log.relevant[i];
    }
    expect(violations).toBe(0);
    // The ranker puts more relevant ads on top, and the top slot is always examined.
    expect(relevantBySlot[1]).toBeGreaterThan(relevantBySlot[10]);
    expect(clicksBySlot[1]).toBe(relevantBySlot[1]);
    expect(clicksBySlot[10] / relevantBySlot[10]).toBeCloseTo(0.2, 1);
  });

  it("is the same log for the same seed and a different one for another", async () => {
    const a = await simulateImpressions(base);
    const b = await simulateImpressions(base);
    const c = await simulateImpressions({ ...base, seed: 6 });
    expect(b.click).toEqual(a.click);
    expect(b.time).toEqual(a.time);
    expect(c.click).not.toEqual(a.click);
  });
});

describe("delayed clicks at the cut-off", () => {
  it("miss about (1 - e^-1) of the last day's positives and (1 - e^-8) / 8 overall when every click is delayed by Exp(1 day)", async () => {
    const log = await simulateImpressions({ ...base, impressions: 200_000, delayShare: 1 });
    const { train, test, cutoff } = splitByTime(log);
    expect(cutoff).toBe(8);
    const data = summarizeData(log, train, test, cutoff, labelsAtCutoff(log, cutoff));
    // P(delay > r) = e^-r; averaged over r uniform on [0, 1] that is 1 - e^-1 = 0.632.
    expect(data.missingByDay[0]?.missingShare).toBeCloseTo(1 - Math.exp(-1), 1);
    // Over the 8-day window: (1/8) * integral of e^-r over [0, 8] = 0.125.
    expect(Math.abs(data.missingPositiveShare - (1 - Math.exp(-8)) / 8)).toBeLessThan(0.015);
  });

  it("miss nothing when no click is delayed", async () => {
    const log = await simulateImpressions({ ...base, delayShare: 0 });
    const { train, test, cutoff } = splitByTime(log);
    const data = summarizeData(log, train, test, cutoff, labelsAtCutoff(log, cutoff));
    expect(data.missingPositiveShare).toBe(0);
    expect(data.trainPositivesAtCutoff).toBe(data.trainPositives);
  });
});

describe("splitByTime and hashing", () => {
  it("tests on the last 2 of 10 days only", async () => {
    const log = await simulateImpressions(base);
    const { train, test } = splitByTime(log);
    expect(train.length + test.length).toBe(log.n);
    expect(log.time[train[train.length - 1] as number]).toBeLessThan(8);
    expect(log.time[test[0] as number]).toBeGreaterThanOrEqual(8);
    expect(test.length / log.n).toBeCloseTo(0.2, 2);
  });

  it("hashes into the 2^18 space, the same value to the same slot, fields apart", () => {
    expect(HASH_SIZE).toBe(262_144);
    expect(hashFeature(1, 7)).toBe(hashFeature(1, 7));
    expect(hashFeature(1, 7)).not.toBe(hashFeature(2, 7));
    for (let v = 0; v < 1000; v++) {
      const h = hashFeature(5, v);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(HASH_SIZE);
    }
  });
});
