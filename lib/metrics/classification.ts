/**
 * Binary classification metrics with scikit-learn's conventions (docs/metric-conventions.md). Written here because
 * no well-kept npm package implements them; the tests check them against hand-worked cases.
 */
import { MetricInputError } from "./input-error";

/** scikit-learn's historical log-loss clip: probabilities are kept in [1e-15, 1 - 1e-15]. */
export const LOG_LOSS_EPSILON = 1e-15;

export interface ClassificationMetrics {
  rocAuc: number;
  averagePrecision: number;
  logLoss: number;
  normalizedEntropy: number;
  calibrationRatio: number;
  n: number;
  positives: number;
}

interface Requirements {
  /** Scores must be probabilities in [0, 1] (log loss, calibration). */
  probabilities: boolean;
  /** Both classes must be present (ROC-AUC, average precision, normalized entropy). */
  bothClasses: boolean;
}

/** Checks the inputs and returns the number of positives; throws a MetricInputError naming the problem. */
function checkInputs(labels: number[], scores: number[], needs: Requirements): number {
  if (labels.length !== scores.length) {
    throw new MetricInputError(
      `Labels and scores differ in length (${labels.length} labels, ${scores.length} scores).`,
    );
  }
  if (labels.length === 0) throw new MetricInputError("There are no rows: the metrics need at least one label.");
  let positives = 0;
  labels.forEach((label, i) => {
    if (label !== 0 && label !== 1) throw new MetricInputError(`labels[${i}] is ${label}; labels must be 0 or 1.`);
    positives += label;
  });
  scores.forEach((score, i) => {
    if (!Number.isFinite(score)) throw new MetricInputError(`scores[${i}] is ${score}, not a finite number.`);
    if (needs.probabilities && (score < 0 || score > 1)) {
      throw new MetricInputError(`scores[${i}] is ${score}; log loss needs probabilities in [0, 1].`);
    }
  });
  if (needs.bothClasses && (positives === 0 || positives === labels.length)) {
    throw new MetricInputError(
      `All ${labels.length} labels are ${positives === 0 ? 0 : 1}: ROC-AUC is undefined with a single class (it needs at least one positive and one negative).`,
    );
  }
  return positives;
}

/** Indices of `scores` in descending score order; the sort is stable, so ties keep input order. */
function descendingOrder(scores: number[]): number[] {
  return scores.map((_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
}

/** Cumulative true and false positives at each distinct threshold, highest threshold first. */
function thresholdCounts(labels: number[], scores: number[]): Array<{ threshold: number; tps: number; fps: number }> {
  const order = descendingOrder(scores);
  const counts: Array<{ threshold: number; tps: number; fps: number }> = [];
  let tps = 0;
  let fps = 0;
  order.forEach((index, position) => {
    if (labels[index] === 1) tps++;
    else fps++;
    const next = order[position + 1];
    // Only the last item of a run of equal scores closes a threshold: ties move together.
    if (next === undefined || scores[next] !== scores[index])
      counts.push({ threshold: scores[index] as number, tps, fps });
  });
  return counts;
}

/** ROC-AUC as the Mann-Whitney statistic with average ranks, so a tied positive/negative pair counts 0.5. */
export function rocAuc(labels: number[], scores: number[]): number {
  const positives = checkInputs(labels, scores, { probabilities: false, bothClasses: true });
  const negatives = labels.length - positives;
  const ascending = descendingOrder(scores).reverse();
  let positiveRankSum = 0;
  for (let start = 0; start < ascending.length; ) {
    let end = start;
    const score = scores[ascending[start] as number];
    while (end + 1 < ascending.length && scores[ascending[end + 1] as number] === score) end++;
    // Ranks are 1-based: the tied run start..end shares the mean of ranks start+1..end+1.
    const averageRank = (start + end + 2) / 2;
    for (let i = start; i <= end; i++) if (labels[ascending[i] as number] === 1) positiveRankSum += averageRank;
    start = end + 1;
  }
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** scikit-learn's average precision: the sum over distinct thresholds of (R_n - R_{n-1}) P_n, no interpolation. */
export function averagePrecision(labels: number[], scores: number[]): number {
  const positives = checkInputs(labels, scores, { probabilities: false, bothClasses: true });
  let previousRecall = 0;
  let sum = 0;
  for (const { tps, fps } of thresholdCounts(labels, scores)) {
    const recall = tps / positives;
    sum += (recall - previousRecall) * (tps / (tps + fps));
    previousRecall = recall;
  }
  return sum;
}

/** Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 - 1e-15] as scikit-learn did. */
export function logLoss(labels: number[], scores: number[]): number {
  checkInputs(labels, scores, { probabilities: true, bothClasses: false });
  let total = 0;
  labels.forEach((label, i) => {
    const p = Math.min(Math.max(scores[i] as number, LOG_LOSS_EPSILON), 1 - LOG_LOSS_EPSILON);
    total -= label === 1 ? Math.log(p) : Math.log(1 - p);
  });
  return total / labels.length;
}

/** Entropy (nats) of a Bernoulli with the given base rate: the log loss of always predicting that rate. */
export function baseRateEntropy(rate: number): number {
  return -(rate * Math.log(rate) + (1 - rate) * Math.log(1 - rate));
}

/** Every metric of the `metrics classification` contract (docs/cli-contracts.md), after one check of the inputs. */
export function classificationMetrics(labels: number[], scores: number[]): ClassificationMetrics {
  const positives = checkInputs(labels, scores, { probabilities: true, bothClasses: true });
  const n = labels.length;
  const loss = logLoss(labels, scores);
  const meanPrediction = scores.reduce((sum, s) => sum + s, 0) / n;
  return {
    rocAuc: rocAuc(labels, scores),
    averagePrecision: averagePrecision(labels, scores),
    logLoss: loss,
    normalizedEntropy: loss / baseRateEntropy(positives / n),
    calibrationRatio: meanPrediction / (positives / n),
    n,
    positives,
  };
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  /** Score at or above which items count as positive; null for the origin, where none do. */
  threshold: number | null;
}

/**
 * The ROC curve for a chart, from (0, 0). Like scikit-learn's `drop_intermediate`, points on a
 * straight segment are dropped by default, so large inputs still give small charts.
 */
export function rocCurve(labels: number[], scores: number[], dropIntermediate = true): RocPoint[] {
  const positives = checkInputs(labels, scores, { probabilities: false, bothClasses: true });
  const negatives = labels.length - positives;
  const counts = thresholdCounts(labels, scores);
  const kept = counts.filter((point, i) => {
    const before = counts[i - 1];
    const after = counts[i + 1];
    if (!dropIntermediate || !before || !after) return true;
    return before.fps - 2 * point.fps + after.fps !== 0 || before.tps - 2 * point.tps + after.tps !== 0;
  });
  return [
    { fpr: 0, tpr: 0, threshold: null },
    ...kept.map(({ threshold, tps, fps }) => ({ fpr: fps / negatives, tpr: tps / positives, threshold })),
  ];
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  meanPrediction: number;
  fractionPositive: number;
}

/**
 * A reliability diagram: equal-width bins over [0, 1], closed on the right (0 falls in the first),
 * as scikit-learn's `calibration_curve(strategy="uniform")`; empty bins are left out.
 */
export function calibrationBins(labels: number[], scores: number[], bins = 10): CalibrationBin[] {
  checkInputs(labels, scores, { probabilities: true, bothClasses: false });
  if (!Number.isInteger(bins) || bins < 1)
    throw new MetricInputError(`bins is ${bins}; it must be a whole number >= 1.`);
  const sums = Array.from({ length: bins }, () => ({ count: 0, predictions: 0, positives: 0 }));
  scores.forEach((score, i) => {
    // A first guess from the product, then nudged so that the edges compare exactly as `bin / bins`.
    let bin = Math.min(bins - 1, Math.max(0, Math.ceil(score * bins) - 1));
    while (bin > 0 && score <= bin / bins) bin--;
    while (bin < bins - 1 && score > (bin + 1) / bins) bin++;
    const sum = sums[bin] as { count: number; predictions: number; positives: number };
    sum.count++;
    sum.predictions += score;
    sum.positives += labels[i] as number;
  });
  return sums.flatMap((sum, bin) =>
    sum.count === 0
      ? []
      : [
          {
            lower: bin / bins,
            upper: (bin + 1) / bins,
            count: sum.count,
            meanPrediction: sum.predictions / sum.count,
            fractionPositive: sum.positives / sum.count,
          },
        ],
  );
}
