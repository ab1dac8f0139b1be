/** Headline, table and charts of a CTR run, for the CLI, the Lab and the interviewer. */
import type { ChartSpec, SummaryRow } from "@/lib/pipelines/types";
import type { CtrResult, VariantResult } from "./result";
import { EXAMINATION_DECAY, LOGGING_NOISE, SPAN_DAYS, TEST_DAYS } from "./simulate";

const pct = (x: number, digits = 2) => `${(100 * x).toFixed(digits)}%`;
const f3 = (x: number) => x.toFixed(3);
const count = (x: number) => x.toLocaleString("en-US");

function metricLine(v: VariantResult): string {
  const m = v.metrics;
  return `AUC ${f3(m.rocAuc)} · PR-AUC ${f3(m.averagePrecision)} · LogLoss ${m.logLoss.toFixed(4)} · NE ${f3(m.normalizedEntropy)} · cal ${f3(m.calibrationRatio)}`;
}

function headline(result: CtrResult): string {
  const by = (id: string) => result.variants.find((v) => v.id === id);
  const [a, d, b, c, e, oracle] = ["a", "d", "b", "c", "e", "oracle"].map(by);
  const w = result.params.downsampleRate;
  const parts = [
    `On ${count(result.data.testImpressions)} later test impressions (true CTR ${pct(result.data.testTrueCtr)})`,
  ];
  if (a && d) {
    parts.push(
      `ignoring position leaves the model at calibration ratio ${f3(a.metrics.calibrationRatio)}, position as a feature pinned to slot 1 gives ${f3(d.metrics.calibrationRatio)}`,
    );
  }
  if (b && c) {
    parts.push(
      `keeping ${w} of negatives keeps AUC (${f3(b.metrics.rocAuc)}) but raises calibration ratio to ${f3(b.metrics.calibrationRatio)} and log loss to ${b.metrics.logLoss.toFixed(4)} until recalibrated (${f3(c.metrics.calibrationRatio)}, ${c.metrics.logLoss.toFixed(4)})`,
    );
  }
  if (e) {
    parts.push(
      `training on labels as of the cut-off misses ${pct(result.data.missingPositiveShare, 1)} of positives and gives calibration ratio ${f3(e.metrics.calibrationRatio)}`,
    );
  }
  if (oracle) {
    const noise = Math.abs(1 - oracle.metrics.calibrationRatio);
    parts.push(
      `the true probabilities themselves score calibration ratio ${f3(oracle.metrics.calibrationRatio)} on this test sample, so deviations of about ${pct(noise, 1)} are sampling noise`,
    );
  }
  const claim = result.claim ? ` Claim: ${result.claim.statements.join(" ")}` : "";
  return `${parts.join("; ")}.${claim}`;
}

function rows(result: CtrResult): SummaryRow[] {
  const { data } = result;
  const w = result.params.downsampleRate;
  const lastDay = data.missingByDay[0];
  const deepest = result.examination[result.examination.length - 1];
  const out: SummaryRow[] = result.variants.map((v) => ({ label: v.label, value: metricLine(v), formula: v.change }));
  out.push(
    {
      label: "test click rate (true labels)",
      value: `${pct(data.testTrueCtr)} of ${count(data.testImpressions)}`,
      formula: "would the user click the ad in slot 1, every delayed click counted",
    },
    {
      label: "base-rate entropy",
      value: `${f3(data.testBaseRateEntropy)} nats`,
      formula: "H(p) = -p ln p - (1 - p) ln(1 - p): log loss of always predicting p; NE = log loss / H",
    },
    {
      label: "calibration ratio",
      value: "mean prediction / mean label",
      formula: "1 = right on average; above 1 over-predicts",
    },
    {
      label: "training logged CTR",
      value: `${pct(data.trainLoggedCtr)} of ${count(data.trainImpressions)}`,
      formula: `clicks / impressions; slot k is examined with probability k^-${EXAMINATION_DECAY}`,
    },
    {
      label: "positives missing at the cut-off",
      value: `${pct(data.missingPositiveShare, 1)} overall, ${pct(lastDay?.missingShare ?? 0, 1)} in the last day`,
      formula: `share of clicks that arrive late x P(delay > time left), delay ~ Exp(mean ${result.params.meanDelayDays} d)`,
    },
    {
      label: "recalibration",
      value: `q = p / (p + (1 - p) / ${w})`,
      formula: "undoes the 1/w odds inflation of keeping a share w of negatives",
    },
  );
  if (deepest) {
    out.push({
      label: `learned examination at slot ${deepest.position}`,
      value: `${f3(deepest.learned)} (true ${f3(deepest.truth)})`,
      formula: "exp(w_slot - w_slot1) from (d): an odds ratio, close to the examination ratio at low CTR",
    });
  }
  out.push({ label: "GBDT", value: result.gbdt.status, formula: result.gbdt.note });
  out.push(...claimRows(result));
  out.push({
    label: "run time",
    value: `${(result.timingsMs.total / 1000).toFixed(1)} s`,
    formula: `simulation ${(result.timingsMs.simulate / 1000).toFixed(1)} s`,
  });
  return out;
}

/** One row per claimed figure, with what it means at this run's click rate. */
function claimRows(result: CtrResult): SummaryRow[] {
  const claimed = result.claim?.claimed;
  if (!claimed) return [];
  const h = result.data.testBaseRateEntropy;
  const at = `at ${pct(result.data.testTrueCtr)} CTR`;
  const out: SummaryRow[] = [];
  const neRow = (label: string, ne: number) =>
    out.push({
      label,
      value: `NE ${f3(ne)} ${at} (log loss ${f3(ne * h)})`,
      formula: "NE = log loss / base-rate entropy",
    });
  if (claimed.logLoss !== undefined) neRow(`claim: log loss ${claimed.logLoss}`, claimed.logLoss / h);
  if (claimed.ne !== undefined) neRow(`claim: NE ${claimed.ne}`, claimed.ne);
  const trained = result.variants.filter((v) => v.id !== "oracle");
  const oracle = result.variants.find((v) => v.id === "oracle");
  if (claimed.auc !== undefined && oracle) {
    const best = Math.max(...trained.map((v) => v.metrics.rocAuc));
    out.push({
      label: `claim: ROC-AUC ${claimed.auc}`,
      value: `best model here ${f3(best)}, ceiling ${f3(oracle.metrics.rocAuc)}`,
      formula: "ceiling = ROC-AUC of the true probabilities on the same labels",
    });
  }
  return out;
}

function charts(result: CtrResult): ChartSpec[] {
  const curves = result.variants.filter((v) => v.id !== "c");
  const name = (v: VariantResult) => (v.id === "b" ? `${v.label} (= (c): same ranking)` : v.label);
  const maxPrediction = Math.max(
    0.01,
    ...result.variants.flatMap((v) => v.calibration.map((bin) => bin.meanPrediction)),
  );
  return [
    {
      id: "roc",
      title: "ROC curve per variant (test set, true labels)",
      xLabel: "false positive rate",
      yLabel: "true positive rate",
      kind: "line",
      series: curves.map((v) => ({ name: name(v), points: v.roc.map((p) => ({ x: p.fpr, y: p.tpr })) })),
    },
    {
      id: "calibration",
      title: "Calibration: mean prediction vs observed click rate per 0.02-wide bin",
      xLabel: "mean predicted CTR in bin",
      yLabel: "observed CTR in bin",
      kind: "line",
      series: [
        {
          name: "perfectly calibrated",
          points: [
            { x: 0, y: 0 },
            { x: maxPrediction, y: maxPrediction },
          ],
        },
        ...result.variants.map((v) => ({
          name: v.label,
          points: v.calibration.map((bin) => ({ x: bin.meanPrediction, y: bin.fractionPositive })),
        })),
      ],
    },
    {
      id: "calibration-ratio",
      title: "Calibration ratio per variant (1 = right on average)",
      xLabel: "variant",
      yLabel: "mean prediction / mean label",
      kind: "bar",
      series: [
        {
          name: "calibration ratio",
          points: result.variants.map((v) => ({ x: v.label, y: v.metrics.calibrationRatio })),
        },
      ],
    },
    {
      id: "examination",
      title: "Examination probability by slot: simulated vs learned by (d)",
      xLabel: "slot",
      yLabel: "examination relative to slot 1",
      kind: "line",
      series: [
        { name: "simulated", points: result.examination.map((e) => ({ x: e.position, y: e.truth })) },
        { name: "learned (d)", points: result.examination.map((e) => ({ x: e.position, y: e.learned })) },
      ],
    },
    {
      id: "delayed-positives",
      title: "Training positives not yet arrived at the cut-off, by day before it",
      xLabel: "days before the cut-off",
      yLabel: "share of that day's positives missing",
      kind: "bar",
      series: [
        {
          name: "missing share",
          points: result.data.missingByDay.map((d) => ({ x: d.daysBeforeCutoff, y: d.missingShare })),
        },
      ],
    },
  ];
}

export function summarizeCtr(result: CtrResult) {
  return {
    headline: headline(result),
    rows: rows(result),
    charts: charts(result),
    assumptions: [
      `${SPAN_DAYS} days of page views with ${result.params.positions} ads each, ranked by the true logit plus N(0, ${LOGGING_NOISE}) noise; the last ${TEST_DAYS} days are the test set.`,
      "Clicks follow a logistic model of segment, category, device, hour and a segment x category cross; examined = Bernoulli(slot^-0.7), logged click = examined and would-click.",
      "Test labels are the unbiased would-click labels with every delayed click counted: what a CTR model should predict for the top slot.",
      "Position bias is corrected with position as a training feature pinned to slot 1 when serving: it learns the examination curve itself, where inverse-propensity weighting needs propensities measured on randomised traffic, and it composes exactly with the downsampling correction. Its weakness: relevance the model has not learned, and that the ranker put on top, is credited to position, so it over-predicts a little when data are short.",
      "Logistic regression: hashed one-hot features (2^18), AdaGrad steps, weights averaged over the second half of training. GBDT: ml-xgboost on target-encoded dense columns.",
    ],
  };
}
