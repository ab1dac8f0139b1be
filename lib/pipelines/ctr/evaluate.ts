/** Scores one variant on the test set with the shared metric code, plus chart-sized curves. */
import { calibrationBins, classificationMetrics, type RocPoint, rocCurve } from "@/lib/metrics/classification";
import type { VariantResult } from "./result";

/** 0.02-wide bins: fine enough for click rates of a few percent, coarse enough to hold rows. */
export const CALIBRATION_BINS = 50;
/** Bins with fewer rows are left off the chart: their observed rate is mostly noise. */
export const MIN_BIN_COUNT = 30;
/** A ROC point is kept once either rate has moved this far since the last kept point. */
const ROC_STEP = 0.01;

function thinRoc(points: RocPoint[]): Array<{ fpr: number; tpr: number }> {
  const kept: Array<{ fpr: number; tpr: number }> = [];
  let last: { fpr: number; tpr: number } | undefined;
  points.forEach((point, i) => {
    const isEnd = i === 0 || i === points.length - 1;
    if (isEnd || !last || point.fpr - last.fpr >= ROC_STEP || point.tpr - last.tpr >= ROC_STEP) {
      last = { fpr: Number(point.fpr.toFixed(4)), tpr: Number(point.tpr.toFixed(4)) };
      kept.push(last);
    }
  });
  return kept;
}

export function evaluateScores(
  labels: number[],
  scores: Float64Array,
): Pick<VariantResult, "metrics" | "roc" | "calibration"> {
  const values = Array.from(scores);
  return {
    metrics: classificationMetrics(labels, values),
    roc: thinRoc(rocCurve(labels, values)),
    calibration: calibrationBins(labels, values, CALIBRATION_BINS).filter((bin) => bin.count >= MIN_BIN_COUNT),
  };
}
