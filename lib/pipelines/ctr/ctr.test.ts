import { beforeAll, describe, expect, it } from "vitest";
import { PipelineCancelledError } from "@/lib/pipelines/types";
import { type CtrParams, type CtrResult, ctrPipeline } from "./index";

/** Small enough to keep the suite fast, large enough that the effects stand clear of the noise. */
const SMALL = { impressions: 60_000, seed: 11 };
const quiet = { signal: new AbortController().signal, onProgress: () => {} };
const parse = (input: Record<string, unknown>): CtrParams => ctrPipeline.paramsSchema.parse(input);
const metricsOf = (result: CtrResult, id: string) => {
  const variant = result.variants.find((v) => v.id === id);
  if (!variant) throw new Error(`no variant ${id}`);
  return variant.metrics;
};

describe("ctr pipeline", () => {
  let result: CtrResult;
  beforeAll(async () => {
    result = await ctrPipeline.run(parse(SMALL), quiet);
  });

  it("is deterministic for a seed (timings aside)", async () => {
    const again = await ctrPipeline.run(parse(SMALL), quiet);
    const strip = (r: CtrResult) => ({
      ...r,
      timingsMs: null,
      variants: r.variants.map((v) => ({ ...v, trainMs: 0 })),
    });
    expect(strip(again)).toEqual(strip(result));
  });

  it("shows downsampling without recalibration wrecking calibration and log loss but not AUC", () => {
    const d = metricsOf(result, "d");
    const b = metricsOf(result, "b");
    const c = metricsOf(result, "c");
    expect(b.calibrationRatio).toBeGreaterThan(3);
    expect(b.logLoss).toBeGreaterThan(1.5 * d.logLoss);
    expect(Math.abs(b.rocAuc - d.rocAuc)).toBeLessThan(0.03);
    // Recalibration is monotone: the ranking (AUC) is untouched, calibration comes back near 1.
    expect(c.rocAuc).toBe(b.rocAuc);
    expect(c.calibrationRatio).toBeGreaterThan(0.8);
    expect(c.calibrationRatio).toBeLessThan(1.3);
    expect(c.logLoss).toBeLessThan(1.05 * d.logLoss);
  });

  it("shows position as a feature correcting the calibration the baseline loses to position bias", () => {
    const a = metricsOf(result, "a");
    const d = metricsOf(result, "d");
    expect(a.calibrationRatio).toBeLessThan(0.7);
    expect(Math.abs(Math.log(d.calibrationRatio))).toBeLessThan(Math.abs(Math.log(a.calibrationRatio)) / 2);
    expect(d.logLoss).toBeLessThan(a.logLoss);
    expect(result.examination[0]).toEqual({ position: 1, truth: 1, learned: 1 });
  });

  it("shows delayed labels lowering predictions by about the share of positives missing", () => {
    const d = metricsOf(result, "d");
    const e = metricsOf(result, "e");
    expect(result.data.missingPositiveShare).toBeGreaterThan(0.02);
    expect(result.data.missingByDay[0]?.missingShare).toBeGreaterThan(result.data.missingPositiveShare);
    expect(e.calibrationRatio).toBeLessThan(d.calibrationRatio);
  });

  it("with more and longer delays, lowers calibration by about the share of positives missing", async () => {
    const delayed = await ctrPipeline.run(parse({ ...SMALL, delayShare: 0.6, meanDelayDays: 2 }), quiet);
    const missing = delayed.data.missingPositiveShare;
    // 0.6 x (2 / 8) x (1 - e^-4) = 0.147 of training positives still on their way at the cut-off.
    expect(missing).toBeGreaterThan(0.12);
    expect(missing).toBeLessThan(0.18);
    const ratio = metricsOf(delayed, "e").calibrationRatio / metricsOf(delayed, "d").calibrationRatio;
    expect(Math.abs(ratio - (1 - missing))).toBeLessThan(0.05);
  });

  it("scores every variant on the same test set, with the true probabilities as the ceiling", () => {
    const n = result.data.testImpressions;
    for (const v of result.variants) expect(v.metrics.n).toBe(n);
    const oracle = metricsOf(result, "oracle");
    for (const v of result.variants) expect(v.metrics.rocAuc).toBeLessThanOrEqual(oracle.rocAuc + 0.01);
    expect(result.gbdt.status === "trained" || result.gbdt.note.startsWith("GBDT skipped")).toBe(true);
  });

  it("summarizes with a headline, a row per variant, ROC and calibration charts", () => {
    const summary = ctrPipeline.summarize(result);
    expect(summary.headline).toContain("calibration ratio");
    for (const v of result.variants) expect(summary.rows.some((row) => row.label === v.label)).toBe(true);
    const ids = summary.charts.map((chart) => chart.id);
    expect(ids).toEqual(expect.arrayContaining(["roc", "calibration"]));
    const roc = summary.charts.find((chart) => chart.id === "roc");
    for (const series of roc?.series ?? []) expect(series.points.length).toBeLessThan(250);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("answers a candidate's log-loss claim with the base-rate entropy", async () => {
    const withClaim = await ctrPipeline.run(
      parse({ impressions: 5_000, epochs: 1, seed: 3, claim: { logLoss: 0.1 } }),
      quiet,
    );
    expect(withClaim.claim?.statements.join(" ")).toContain("always predicting the base rate");
    expect(ctrPipeline.summarize(withClaim).rows.some((row) => row.label === "claim: log loss 0.1")).toBe(true);
  });
});

describe("ctr limits and cancellation", () => {
  it("has the documented defaults", () => {
    const p = parse({});
    expect(p).toMatchObject({
      impressions: 200_000,
      positions: 10,
      downsampleRate: 0.1,
      delayShare: 0.3,
      epochs: 5,
      seed: 42,
    });
  });

  it("refuses sizes over the machine's limits with messages that say the limit", () => {
    const tooMany = ctrPipeline.paramsSchema.safeParse({ impressions: 1_000_001 });
    expect(tooMany.success).toBe(false);
    expect(tooMany.error?.issues[0]?.message).toContain("must be at most 1,000,000 on this machine");
    const tooMuchWork = ctrPipeline.paramsSchema.safeParse({ impressions: 1_000_000, epochs: 6 });
    expect(tooMuchWork.error?.issues[0]?.message).toContain(
      "impressions x epochs must be at most 5,000,000 on this machine (the training passes",
    );
    expect(ctrPipeline.paramsSchema.safeParse({ impressions: 1_000_000, epochs: 5 }).success).toBe(true);
    expect(ctrPipeline.paramsSchema.safeParse({ downsampleRate: 0 }).success).toBe(false);
    expect(ctrPipeline.paramsSchema.safeParse({ claim: { auc: 1.2 } }).success).toBe(false);
  });

  it("stops with PipelineCancelledError when aborted mid-run, and reports progress before", async () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const run = ctrPipeline.run(parse({ impressions: 100_000 }), {
      signal: controller.signal,
      onProgress: (fraction) => {
        fractions.push(fraction);
        if (fraction > 0.2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(PipelineCancelledError);
    expect(fractions.length).toBeGreaterThan(3);
    expect(Math.max(...fractions)).toBeLessThan(0.4);
  });

  it("reports progress at least every 5% of the work, but for the one blocking GBDT fit", async () => {
    const steps: Array<{ fraction: number; message: string }> = [];
    await ctrPipeline.run(parse({ impressions: 100_000, epochs: 2 }), {
      signal: new AbortController().signal,
      onProgress: (fraction, message) => steps.push({ fraction, message }),
    });
    const gaps = steps.map((step, i) => ({ ...step, gap: step.fraction - (steps[i - 1]?.fraction ?? 0) }));
    const large = gaps.filter((step) => step.gap > 0.05).map((step) => step.message);
    expect(large.every((message) => message === "fitted the gradient-boosted trees")).toBe(true);
    expect(steps[steps.length - 1]?.fraction).toBe(1);
  });
});
