/**
 * The experiment: one model per label or sampling choice, each scored on the same later test
 * set against the true labels, so the differences in the table come from the choice alone.
 */
import { PipelineCancelledError } from "@/lib/pipelines/types";
import { evaluateScores } from "./evaluate";
import { hashFeature, POSITION_FIELD } from "./features";
import { GBDT_COLUMNS, GBDT_MAX_DEPTH, GBDT_ROUNDS, GBDT_TRAIN_ROWS, trainAndScoreGbdt } from "./gbdt";
import { predictLogistic, trainLogistic } from "./logistic";
import type { CtrParams } from "./params";
import { COST, type ProgressTracker } from "./progress";
import type { CtrResult, VariantId, VariantResult } from "./result";
import { downsampleNegatives, recalibrate } from "./sampling";
import { examinationProbability, type ImpressionLog } from "./simulate";

export interface ExperimentInput {
  log: ImpressionLog;
  features: Uint32Array;
  train: Uint32Array;
  test: Uint32Array;
  /** Training labels as of the cut-off (delayed clicks not yet arrived are 0). */
  atCutoff: Uint8Array;
  params: CtrParams;
  progress: ProgressTracker;
}

interface LogisticSpec {
  id: VariantId;
  label: string;
  change: string;
  rows: Uint32Array;
  labels: Uint8Array;
  usePosition: boolean;
}

/** Evaluations a run makes: a, d, b, c, e, the GBDT and the true probabilities. */
const EVALUATIONS = 7;

/** Expected progress units of the experiment (see COST), from the split sizes before it runs. */
export function experimentUnits(trainRows: number, testRows: number, params: CtrParams): number {
  // Three full-size fits and one on the positives (~2%) plus the kept share of negatives.
  const sgdRows = trainRows * (3 + Math.min(1, params.downsampleRate + 0.02));
  const gbdtRows = Math.min(GBDT_TRAIN_ROWS, trainRows / 2);
  return (
    COST.sgd * params.epochs * sgdRows +
    COST.evaluate * EVALUATIONS * testRows +
    COST.gbdtFit * GBDT_ROUNDS * gbdtRows +
    COST.gbdtPredict * testRows
  );
}

export async function runExperiment(
  input: ExperimentInput,
): Promise<Pick<CtrResult, "variants" | "examination" | "gbdt">> {
  const { log, features, train, test, atCutoff, params, progress } = input;
  const testLabels = Array.from(test, (row) => log.relevant[row] as number);
  const sampled = downsampleNegatives(train, log.click, params.downsampleRate, params.seed ^ 0x0d0e);
  const w = params.downsampleRate;
  const specs: LogisticSpec[] = [
    {
      id: "a",
      label: "(a) baseline",
      change: "logged clicks, position ignored",
      rows: train,
      labels: log.click,
      usePosition: false,
    },
    {
      id: "d",
      label: "(d) position as a feature",
      change: "position one-hot in training, pinned to slot 1 when serving",
      rows: train,
      labels: log.click,
      usePosition: true,
    },
    {
      id: "b",
      label: `(b) negatives kept at ${w}, raw`,
      change: `d trained on every positive and ${w} of negatives; scores used as they come`,
      rows: sampled,
      labels: log.click,
      usePosition: true,
    },
    {
      id: "e",
      label: "(e) labels at the cut-off",
      change: "d trained on the clicks that had arrived by the cut-off (delayed ones read as 0)",
      rows: train,
      labels: atCutoff,
      usePosition: true,
    },
  ];
  const variants: VariantResult[] = [];
  let positionWeights: Float64Array | undefined;
  for (const spec of specs) {
    const started = performance.now();
    const message = `training ${spec.label} on ${spec.rows.length.toLocaleString("en-US")} rows`;
    const weights = await trainLogistic(
      features,
      spec.rows,
      spec.labels,
      // One shuffle seed for all: d and e then see rows in the same order and differ only in labels.
      {
        epochs: params.epochs,
        learningRate: params.learningRate,
        l2: params.l2,
        seed: params.seed + 1,
        usePosition: spec.usePosition,
      },
      (rows) => progress.advance(COST.sgd * rows, message),
    );
    const scores = predictLogistic(weights, features, test, spec.usePosition, spec.usePosition ? 1 : undefined);
    const trainMs = performance.now() - started;
    const { id, label, change, rows } = spec;
    variants.push({ id, label, change, trainRows: rows.length, trainMs, ...evaluateScores(testLabels, scores) });
    await progress.advance(COST.evaluate * test.length, `scored ${spec.label}`);
    if (spec.id === "d") positionWeights = weights;
    if (spec.id === "b") {
      const recalibrated = scores.map((p) => recalibrate(p, w));
      variants.push({
        id: "c",
        label: `(c) negatives kept at ${w}, recalibrated`,
        change: "b's scores mapped by q = p / (p + (1 - p) / w)",
        trainRows: rows.length,
        trainMs,
        ...evaluateScores(testLabels, recalibrated),
      });
      await progress.advance(COST.evaluate * test.length, "scored (c) recalibrated");
    }
  }
  const gbdt = await runGbdt(input, testLabels, variants);
  const oracle = Float64Array.from(test, (row) => log.pTrue[row] as number);
  variants.push({
    id: "oracle",
    label: "true click probability",
    change: "the generator's own probability: the best any model could score on these labels",
    trainRows: 0,
    trainMs: 0,
    ...evaluateScores(testLabels, oracle),
  });
  await progress.advance(COST.evaluate * test.length, "scored the true probabilities");
  const weights = positionWeights ?? new Float64Array();
  const top = weights[hashFeature(POSITION_FIELD, 1)] ?? 0;
  const examination = Array.from({ length: log.positions }, (_, k) => ({
    position: k + 1,
    truth: examinationProbability(k + 1),
    learned: Math.exp((weights[hashFeature(POSITION_FIELD, k + 1)] ?? 0) - top),
  }));
  return { variants, examination, gbdt };
}

/** Adds the GBDT variant when ml-xgboost loads and trains; otherwise says why it is missing. */
async function runGbdt(
  input: ExperimentInput,
  testLabels: number[],
  variants: VariantResult[],
): Promise<CtrResult["gbdt"]> {
  const { log, train, test, params, progress } = input;
  try {
    await progress.advance(0, "fitting the gradient-boosted trees (one blocking XGBoost-WASM call)");
    const outcome = await trainAndScoreGbdt(log, train, test, log.click, params.seed, (stage, rows) =>
      stage === "fitted"
        ? progress.advance(COST.gbdtFit * GBDT_ROUNDS * rows, "fitted the gradient-boosted trees")
        : progress.advance(COST.gbdtPredict * rows, "scoring with the gradient-boosted trees"),
    );
    variants.push({
      id: "gbdt",
      label: "GBDT (XGBoost), position pinned",
      change: `${GBDT_ROUNDS} trees of depth ${GBDT_MAX_DEPTH} on ${GBDT_COLUMNS.length} dense columns, position pinned to slot 1 when serving`,
      trainRows: outcome.trainRows,
      trainMs: outcome.trainMs,
      ...evaluateScores(testLabels, outcome.scores),
    });
    await progress.advance(COST.evaluate * test.length, "scored the gradient-boosted trees");
    return {
      status: "trained",
      note: `ml-xgboost (XGBoost compiled to WASM) on ${outcome.trainRows.toLocaleString("en-US")} sampled training rows holding only ${outcome.trainPositives.toLocaleString("en-US")} clicks, so its calibration is the noisiest in the table; columns ${GBDT_COLUMNS.join(", ")}; click rates encoded from the other ${outcome.encodingRows.toLocaleString("en-US")} training rows so no row sees its own label.`,
    };
  } catch (error) {
    if (error instanceof PipelineCancelledError) throw error;
    return { status: "skipped", note: `GBDT skipped: ml-xgboost did not load or train (${(error as Error).message}).` };
  }
}
