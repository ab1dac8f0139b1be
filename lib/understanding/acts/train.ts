import { ACT_KINDS, type ActKind } from "@/lib/understanding/types";
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions, type FeatureVector } from "./features";

/** The labelled training sets, one file per author, relative to this folder; the model trains on all of them. */
export const TRAINING_FILES = ["training-utterances.json", "training-utterances-2.json"] as const;

export interface TrainingExample {
  text: string;
  act: ActKind;
}

export interface TrainOptions {
  /** L2 penalty on the weights (not the biases), added to the mean cross-entropy. */
  l2: number;
  iterations: number;
  learningRate: number;
  /** A feature must occur in this many training sentences to get a weight: rarer ones are memorised phrases. */
  minCount: number;
  /** Weigh each class by the inverse of its frequency, so the many answers do not set every threshold. */
  balanceClasses: boolean;
  /** Weights whose largest magnitude across classes is below this are dropped from the saved model. */
  pruneBelow: number;
  features: FeatureOptions;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2: 0.0001,
  iterations: 300,
  learningRate: 0.05,
  minCount: 2,
  balanceClasses: true,
  pruneBelow: 0.01,
  features: DEFAULT_FEATURE_OPTIONS,
};

/** A multinomial logistic regression over named sparse features; what act-model.json holds. */
export interface ActModel {
  version: 1;
  classes: ActKind[];
  features: FeatureOptions;
  bias: number[];
  weights: Record<string, number[]>;
}

// "|| 0" turns -0 into 0, which JSON cannot keep apart, so a reloaded model equals a fresh one.
const round = (value: number) => Math.round(value * 1e4) / 1e4 || 0;

/** Class probabilities of one feature vector under `model`, in the order of `model.classes`. */
export function predictProbabilities(model: ActModel, features: FeatureVector): number[] {
  const logits = [...model.bias];
  for (const [name, value] of features) {
    const row = model.weights[name];
    if (!row) continue;
    for (let k = 0; k < logits.length; k++) logits[k] = (logits[k] ?? 0) + (row[k] ?? 0) * value;
  }
  return softmax(logits);
}

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Fits the model by full-batch Adam from zero weights. Full-batch on a convex loss needs no random
 * order, so the same data always gives the same model, bit for bit; seeding only matters for the
 * cross-validation folds, which the bench draws.
 */
export function trainFromFeatures(
  vectors: FeatureVector[],
  labels: ActKind[],
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): ActModel {
  const classes = [...ACT_KINDS];
  const K = classes.length;
  const documentFrequency = new Map<string, number>();
  for (const vector of vectors)
    for (const name of vector.keys()) documentFrequency.set(name, (documentFrequency.get(name) ?? 0) + 1);
  const vocabulary = [...documentFrequency.entries()]
    .filter(([, count]) => count >= options.minCount)
    .map(([name]) => name)
    .sort();
  const index = new Map(vocabulary.map((name, i) => [name, i]));
  // Each row as parallel typed arrays: the training loop below is the hot path.
  const rows = vectors.map((vector) => {
    const entries = [...vector.entries()].filter(([name]) => index.has(name));
    return {
      ids: Int32Array.from(entries, ([name]) => index.get(name) ?? 0),
      values: Float64Array.from(entries, ([, value]) => value),
    };
  });
  const y = labels.map((label) => classes.indexOf(label));
  const classCounts = classes.map((_, k) => y.filter((c) => c === k).length);
  const present = classCounts.filter((c) => c > 0).length;
  const sampleWeight = y.map((c) => (options.balanceClasses ? y.length / (present * (classCounts[c] ?? 1)) : 1));
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0);

  const F = vocabulary.length;
  const biasAt = F * K; // the last K parameters are the biases
  const params = new Float64Array((F + 1) * K);
  const m = new Float64Array(params.length);
  const v = new Float64Array(params.length);
  const grad = new Float64Array(params.length);
  const logits = new Float64Array(K);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= options.iterations; step++) {
    grad.fill(0);
    rows.forEach(({ ids, values }, n) => {
      for (let k = 0; k < K; k++) logits[k] = params[biasAt + k] as number;
      for (let j = 0; j < ids.length; j++) {
        const base = (ids[j] as number) * K;
        const value = values[j] as number;
        for (let k = 0; k < K; k++) logits[k] = (logits[k] as number) + (params[base + k] as number) * value;
      }
      const p = softmax(Array.from(logits));
      const scale = (sampleWeight[n] ?? 1) / totalWeight;
      for (let k = 0; k < K; k++) {
        const g = ((p[k] as number) - (k === y[n] ? 1 : 0)) * scale;
        for (let j = 0; j < ids.length; j++) {
          const at = (ids[j] as number) * K + k;
          grad[at] = (grad[at] as number) + g * (values[j] as number);
        }
        grad[biasAt + k] = (grad[biasAt + k] as number) + g;
      }
    });
    const correction1 = 1 - beta1 ** step;
    const correction2 = 1 - beta2 ** step;
    for (let j = 0; j < params.length; j++) {
      const w = params[j] as number;
      const g = (grad[j] as number) + (j < biasAt ? options.l2 * w : 0);
      const mj = beta1 * (m[j] as number) + (1 - beta1) * g;
      const vj = beta2 * (v[j] as number) + (1 - beta2) * g * g;
      m[j] = mj;
      v[j] = vj;
      params[j] = w - (options.learningRate * (mj / correction1)) / (Math.sqrt(vj / correction2) + epsilon);
    }
  }

  const weights: Record<string, number[]> = {};
  vocabulary.forEach((name, i) => {
    const row = Array.from(params.slice(i * K, i * K + K), round);
    if (Math.max(...row.map(Math.abs)) >= options.pruneBelow) weights[name] = row;
  });
  const bias = Array.from(params.slice(biasAt), round);
  return { version: 1, classes, features: options.features, bias, weights };
}

/** Extracts features from every example and trains on them. Pure: reads and writes no files. */
export function trainActModel(examples: TrainingExample[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): ActModel {
  const vectors = examples.map((example) => extractFeatures(example.text, options.features));
  return trainFromFeatures(
    vectors,
    examples.map((example) => example.act),
    options,
  );
}

const inline = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(inline).join(", ")}]`
    : typeof value === "object" && value !== null
      ? `{ ${Object.entries(value)
          .map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`)
          .join(", ")} }`
      : JSON.stringify(value);

/** act-model.json as Biome formats it (one weight row per line), so `biome check` passes on the written file. */
export function serializeActModel(model: ActModel): string {
  const weights = Object.entries(model.weights).map(([name, row]) => `    ${JSON.stringify(name)}: ${inline(row)}`);
  return [
    "{",
    `  "version": ${model.version},`,
    `  "classes": ${inline(model.classes)},`,
    `  "features": ${inline(model.features)},`,
    `  "bias": ${inline(model.bias)},`,
    `  "weights": {`,
    weights.join(",\n"),
    "  }",
    "}",
    "",
  ].join("\n");
}
