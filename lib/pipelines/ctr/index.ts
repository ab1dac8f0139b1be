/**
 * The `ctr` reference pipeline: what label and sampling choices do to a click-through-rate
 * model's ranking (ROC-AUC, PR-AUC) and, mostly, to its calibration (log loss, normalized
 * entropy, calibration ratio), on simulated impression logs with position bias and delayed clicks.
 */
import { cached, cacheKey } from "@/lib/pipelines/run-cache";
import type { PipelineContext, PipelineDefinition } from "@/lib/pipelines/types";
import { assessClaim } from "./claim";
import { labelsAtCutoff, summarizeData } from "./data-summary";
import { hashRows } from "./features";
import { loadXGBoost } from "./gbdt";
import { type CtrParams, ctrParamsSchema } from "./params";
import { COST, ProgressTracker } from "./progress";
import type { CtrResult } from "./result";
import { SPAN_DAYS, simulateImpressions, splitByTime, TEST_DAYS } from "./simulate";
import { summarizeCtr } from "./summarize";
import { experimentUnits, runExperiment } from "./variants";

export type { CtrParams } from "./params";
export type { CtrResult } from "./result";

async function runCtr(params: CtrParams, context: PipelineContext): Promise<CtrResult> {
  const started = performance.now();
  const { claim, ...design } = params;
  // Everything but the claim's assessment is deterministic in the other parameters (seeded
  // simulation, SGD and XGBoost), so a check worker keeps it between runs; only timings differ.
  const { data, experiment, simulate } = await cached(
    cacheKey("ctr:experiment", design),
    () => simulateAndTrain(params, context, started),
    () => 64 * 1024,
  );
  context.onProgress(1, "done");
  return {
    params,
    data,
    ...experiment,
    claim: assessClaim(claim, data, experiment.variants),
    timingsMs: { simulate, total: performance.now() - started },
  };
}

async function simulateAndTrain(params: CtrParams, context: PipelineContext, started: number) {
  // Start compiling the XGBoost WASM now, so the GBDT step does not wait on it. A failure here is
  // reported by the GBDT step itself, which loads again and records "not available".
  void loadXGBoost().catch((error: unknown) => error);
  const trainShare = 1 - TEST_DAYS / SPAN_DAYS;
  const expectedTrain = Math.round(params.impressions * trainShare);
  const progress = new ProgressTracker(
    context,
    COST.simulate * params.impressions + experimentUnits(expectedTrain, params.impressions - expectedTrain, params),
  );
  const log = await simulateImpressions(params, (done) =>
    progress.advance(COST.simulate * done, "simulating impressions"),
  );
  const simulate = performance.now() - started;
  const features = hashRows(log);
  const { train, test, cutoff } = splitByTime(log);
  const atCutoff = labelsAtCutoff(log, cutoff);
  const data = summarizeData(log, train, test, cutoff, atCutoff);
  const experiment = await runExperiment({ log, features, train, test, atCutoff, params, progress });
  return { data, experiment, simulate };
}

export const ctrPipeline: PipelineDefinition<CtrParams, CtrResult> = {
  name: "ctr",
  title: "Click-through-rate model: position bias, delayed clicks, downsampling",
  description:
    "Simulates ad impressions with position bias and delayed clicks, trains hashed logistic regression by SGD (and XGBoost when it loads), and scores a baseline, downsampling with and without recalibration, position as a feature, and delayed labels on the same later test set with true labels.",
  paramsSchema: ctrParamsSchema,
  run: runCtr,
  summarize: summarizeCtr,
};
