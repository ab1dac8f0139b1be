/**
 * The CTR pipeline's benchmark: its default run (200,000 impressions, 10 slots, negatives kept
 * at 0.1, 30% of clicks delayed), timed end to end, with every variant's test metrics against
 * the true labels and the checks a reader makes: downsampling without recalibration inflates
 * calibration, recalibration and position as a feature bring it back near 1. The time target
 * is the project's rule that a default run finishes well under 20 s on this 2-core machine.
 * Used by the aggregate pipelines benchmark; run alone it prints JSON.
 */
import { pathToFileURL } from "node:url";
import { ctrPipeline } from "@/lib/pipelines/ctr";
import { describeMachine } from "../lib/machine";
import { round } from "../lib/stats";

export const CTR_TARGETS = { runSeconds: 20, calibrationTolerance: 0.15 };

export async function benchCtr() {
  const params = ctrPipeline.paramsSchema.parse({});
  const started = performance.now();
  const result = await ctrPipeline.run(params, { onProgress: () => {}, signal: new AbortController().signal });
  const wallSeconds = (performance.now() - started) / 1000;
  const calibration = (id: string) => result.variants.find((v) => v.id === id)?.metrics.calibrationRatio ?? Number.NaN;
  const near1 = (id: string) => Math.abs(calibration(id) - 1) <= CTR_TARGETS.calibrationTolerance;
  return {
    benchmark: "pipelines/ctr",
    machine: describeMachine(),
    setup: `impressions = ${params.impressions}, positions = ${params.positions}, downsampleRate = ${params.downsampleRate}, delayShare = ${params.delayShare}, meanDelayDays = ${params.meanDelayDays}, epochs = ${params.epochs}, learningRate = ${params.learningRate}, l2 = ${params.l2}, seed = ${params.seed}`,
    wallSeconds: round(wallSeconds, 1),
    simulateSeconds: round(result.timingsMs.simulate / 1000, 2),
    testImpressions: result.data.testImpressions,
    testTrueCtr: round(result.data.testTrueCtr, 4),
    testBaseRateEntropy: round(result.data.testBaseRateEntropy, 4),
    missingPositiveShare: round(result.data.missingPositiveShare, 4),
    gbdt: result.gbdt.status,
    variants: result.variants.map((v) => ({
      id: v.id,
      label: v.label,
      trainRows: v.trainRows,
      trainSeconds: round(v.trainMs / 1000, 2),
      rocAuc: round(v.metrics.rocAuc, 4),
      averagePrecision: round(v.metrics.averagePrecision, 4),
      logLoss: round(v.metrics.logLoss, 4),
      normalizedEntropy: round(v.metrics.normalizedEntropy, 4),
      calibrationRatio: round(v.metrics.calibrationRatio, 3),
    })),
    targets: CTR_TARGETS,
    met: {
      runSeconds: wallSeconds < CTR_TARGETS.runSeconds,
      rawDownsampledOverPredicts: calibration("b") > 2,
      recalibratedNear1: near1("c"),
      positionFeatureNear1: near1("d"),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await benchCtr(), null, 2));
}
