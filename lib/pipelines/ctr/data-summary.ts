/** What the simulated log looks like, and how many positives the cut-off hides (the delayed-click effect). */
import { baseRateEntropy } from "@/lib/metrics/classification";
import type { DataSummary } from "./result";
import type { ImpressionLog } from "./simulate";

/** 1 where a logged click had reached the training data by `cutoff`; delayed clicks after it read as 0. */
export function labelsAtCutoff(log: ImpressionLog, cutoff: number): Uint8Array {
  return Uint8Array.from(log.clickArrival, (arrival) => (arrival <= cutoff ? 1 : 0));
}

export function summarizeData(
  log: ImpressionLog,
  train: Uint32Array,
  test: Uint32Array,
  cutoff: number,
  atCutoff: Uint8Array,
): DataSummary {
  const days = Math.ceil(cutoff);
  const byDay = Array.from({ length: days }, (_, d) => ({
    daysBeforeCutoff: d + 1,
    impressions: 0,
    positives: 0,
    arrived: 0,
  }));
  let positives = 0;
  let arrived = 0;
  for (const row of train) {
    const day = byDay[Math.min(days - 1, Math.floor(cutoff - (log.time[row] as number)))];
    if (day) day.impressions++;
    if (log.click[row] !== 1) continue;
    positives++;
    arrived += atCutoff[row] as number;
    if (day) {
      day.positives++;
      day.arrived += atCutoff[row] as number;
    }
  }
  let relevant = 0;
  for (const row of test) relevant += log.relevant[row] as number;
  const testTrueCtr = relevant / Math.max(1, test.length);
  return {
    impressions: log.n,
    trainImpressions: train.length,
    testImpressions: test.length,
    cutoffDay: cutoff,
    trainLoggedCtr: positives / Math.max(1, train.length),
    trainCtrAtCutoff: arrived / Math.max(1, train.length),
    testTrueCtr,
    testBaseRateEntropy: baseRateEntropy(testTrueCtr),
    trainPositives: positives,
    trainPositivesAtCutoff: arrived,
    missingPositiveShare: positives === 0 ? 0 : (positives - arrived) / positives,
    missingByDay: byDay.map(({ arrived: a, ...day }) => ({
      ...day,
      missingShare: day.positives === 0 ? 0 : (day.positives - a) / day.positives,
    })),
  };
}
