import { describe, expect, it } from "vitest";
import { averagePrecision, calibrationBins, classificationMetrics, logLoss, rocAuc, rocCurve } from "./classification";
import { MetricInputError } from "./input-error";

/** Agreement with scikit-learn (and with the hand-worked values) to 1e-9. */
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThan(1e-9);

describe("classificationMetrics", () => {
  it("matches scikit-learn on its documented example", () => {
    // labels [0,0,1,1], scores [0.1,0.4,0.35,0.8] (scikit-learn's roc_auc_score / average_precision_score docs).
    // ROC-AUC: ascending ranks 0.1(-)=1, 0.35(+)=2, 0.4(-)=3, 0.8(+)=4; positive rank sum 6;
    //   (6 - 2*3/2) / (2*2) = 3/4 = 0.75.
    // AP: threshold 0.8 -> R=1/2, P=1/1; 0.4 -> R=1/2 (no step); 0.35 -> R=1, P=2/3;
    //   (1/2)(1) + (1/2)(2/3) = 5/6 = 0.8333333333.
    // LogLoss: -(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4
    //   = (0.1053605157 + 0.5108256238 + 1.0498221245 + 0.2231435513) / 4 = 0.4722879538.
    // NE: base rate 1/2, entropy ln 2 = 0.6931471806; 0.4722879538 / 0.6931471806 = 0.6813674888.
    // Calibration: mean prediction 1.65 / 4 = 0.4125 over mean label 0.5 = 0.825.
    const metrics = classificationMetrics([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    close(metrics.rocAuc, 0.75);
    close(metrics.averagePrecision, 5 / 6);
    close(metrics.logLoss, 0.4722879538091762);
    close(metrics.normalizedEntropy, 0.6813674888320943);
    close(metrics.calibrationRatio, 0.825);
    expect(metrics).toMatchObject({ n: 4, positives: 2 });
  });

  it("counts ties as half in ROC-AUC and steps over tied thresholds together in AP", () => {
    // Positives score 0.8, 0.5, 0.5; negatives 0.8, 0.5, 0.2; 9 pairs.
    // Pairs won: 0.8(+) vs 0.8 tie 0.5, vs 0.5 and 0.2: 2 -> 2.5; each 0.5(+) vs 0.5 tie 0.5, vs 0.2: 1 -> 1.5.
    // ROC-AUC = (2.5 + 1.5 + 1.5) / 9 = 11/18 = 0.6111111111.
    // Average ranks agree: ascending 0.2 -> 1; 0.5 x3 -> 3; 0.8 x2 -> 5.5; positive rank sum 5.5 + 3 + 3 = 11.5;
    //   (11.5 - 6) / 9 = 11/18.
    // AP: threshold 0.8 -> tp 1, fp 1: R=1/3, P=1/2; 0.5 -> tp 3, fp 2: R=1, P=3/5; 0.2 -> no recall step.
    //   (1/3)(1/2) + (2/3)(3/5) = 1/6 + 2/5 = 17/30 = 0.5666666667.
    const labels = [1, 0, 1, 0, 1, 0];
    const scores = [0.8, 0.8, 0.5, 0.5, 0.5, 0.2];
    close(rocAuc(labels, scores), 11 / 18);
    close(averagePrecision(labels, scores), 17 / 30);
  });

  it("handles heavy imbalance: one positive in ten", () => {
    // The positive (0.6) beats 8 of 9 negatives and loses to 0.7: ROC-AUC 8/9.
    // AP: threshold 0.7 is a negative (no recall step); 0.6 -> R=1, P=1/2: AP = 0.5.
    // LogLoss: -(sum over negatives of ln(1 - s) + ln 0.6) / 10, negatives 0.05..0.4 by 0.05 and 0.7:
    //   (0.0512933 + 0.1053605 + 0.1625189 + 0.2231436 + 0.2876821 + 0.3566749 + 0.4307829 + 0.5108256
    //    + 1.2039728 + 0.5108256) / 10 = 0.3843080275.
    // Base-rate entropy: -(0.1 ln 0.1 + 0.9 ln 0.9) = 0.3250829734; NE = 0.3843080275 / 0.3250829734 = 1.1821844236.
    // Calibration: mean prediction (1.8 + 0.7 + 0.6) / 10 = 0.31 over base rate 0.1 = 3.1.
    const labels = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const scores = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.7, 0.6];
    const metrics = classificationMetrics(labels, scores);
    close(metrics.rocAuc, 8 / 9);
    close(metrics.averagePrecision, 0.5);
    close(metrics.logLoss, 0.3843080275198246);
    close(metrics.normalizedEntropy, 1.1821844235965586);
    close(metrics.calibrationRatio, 3.1);
    expect(metrics.positives).toBe(1);
  });

  it("clips probabilities of exactly 0 and 1 to [1e-15, 1 - 1e-15]", () => {
    // In float64, 1 - 1e-15 rounds to 0.999999999999999000799, so 1 - (1 - 1e-15) = 9.992007221626409e-16
    // (scikit-learn computes 1 - clip(p) the same way). Per row:
    //   label 1, p=1 -> -ln(1 - 1e-15) = 9.99e-16;  label 0, p=0 -> -ln(1 - 1e-15) = 9.99e-16;
    //   label 1, p=0 -> -ln(1e-15) = 34.5387763949; label 0, p=1 -> -ln(9.992007221626409e-16) = 34.5395759923.
    // Mean: (34.5387763949 + 34.5395759923 + 2e-15) / 4 = 17.2695880968; NE = 17.2695880968 / ln 2 = 24.9147491055.
    const metrics = classificationMetrics([1, 0, 1, 0], [1, 0, 0, 1]);
    close(metrics.logLoss, 17.26958809681289);
    close(metrics.normalizedEntropy, 24.914749105467028);
    // Pairs: 1(+) vs 0(-) win, vs 1(-) tie; 0(+) vs 0(-) tie, vs 1(-) loss: (1 + 0.5 + 0.5) / 4 = 0.5.
    close(metrics.rocAuc, 0.5);
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true);
  });

  it.each([
    [[0, 1], [0.5], /differ in length \(2 labels, 1 scores\)/],
    [[], [], /no rows/],
    [[0, 2], [0.1, 0.2], /labels\[1\] is 2; labels must be 0 or 1/],
    [[0, 1], [0.1, 1.5], /scores\[1\] is 1.5; log loss needs probabilities in \[0, 1\]/],
    [[0, 1], [0.1, Number.NaN], /scores\[1\] is NaN, not a finite number/],
    [[1, 1, 1], [0.1, 0.2, 0.3], /All 3 labels are 1: ROC-AUC is undefined with a single class/],
  ])("throws a clear error on bad input %#", (labels, scores, message) => {
    expect(() => classificationMetrics(labels, scores)).toThrow(MetricInputError);
    expect(() => classificationMetrics(labels, scores)).toThrow(message);
  });

  it("ranks any real scores for ROC-AUC, not only probabilities", () => {
    close(rocAuc([0, 0, 1, 1], [-3, 4, 0.5, 12]), 0.75);
  });
});

describe("rocCurve", () => {
  it("matches scikit-learn's roc_curve example, from the origin", () => {
    // Thresholds 0.8, 0.4, 0.35, 0.1 give (fpr, tpr) (0, .5), (.5, .5), (.5, 1), (1, 1): none collinear.
    expect(rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toEqual([
      { fpr: 0, tpr: 0, threshold: null },
      { fpr: 0, tpr: 0.5, threshold: 0.8 },
      { fpr: 0.5, tpr: 0.5, threshold: 0.4 },
      { fpr: 0.5, tpr: 1, threshold: 0.35 },
      { fpr: 1, tpr: 1, threshold: 0.1 },
    ]);
  });

  it("drops points on a straight segment unless asked not to", () => {
    // (0, 1/3) -> (0, 2/3) -> (0, 1): the middle point lies on the segment and goes.
    const labels = [1, 1, 1, 0];
    const scores = [0.9, 0.8, 0.7, 0.1];
    expect(rocCurve(labels, scores).map((p) => p.threshold)).toEqual([null, 0.9, 0.7, 0.1]);
    expect(rocCurve(labels, scores, false)).toHaveLength(5);
  });
});

describe("calibrationBins", () => {
  it("bins by equal width, closed on the right, leaving empty bins out", () => {
    // 0, 0.05 and 0.1 fall in [0, 0.1]; 0.15 in (0.1, 0.2]; 0.95 and 1 in (0.9, 1].
    const bins = calibrationBins([0, 0, 0, 1, 1, 1], [0, 0.05, 0.1, 0.15, 0.95, 1]);
    expect(bins.map(({ lower, count }) => [lower, count])).toEqual([
      [0, 3],
      [0.1, 1],
      [0.9, 2],
    ]);
    close(bins[0]?.meanPrediction ?? Number.NaN, 0.05);
    close(bins[2]?.meanPrediction ?? Number.NaN, 0.975);
    expect(bins.map((b) => b.fractionPositive)).toEqual([0, 1, 1]);
  });

  it("puts a score exactly on an inner edge in the lower bin", () => {
    expect(calibrationBins([0, 1], [0.3, 0.7], 10).map((b) => b.upper)).toEqual([0.3, 0.7]);
    expect(() => calibrationBins([0], [0.5], 0)).toThrow(/bins is 0/);
  });
});
