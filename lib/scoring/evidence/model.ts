import { z } from "zod";
import committed from "./evidence-model.json";
import { FEATURE_NAMES } from "./features";

/**
 * A logistic regression over the pair features: the probability that a sentence makes an
 * item's point. Trained by `npm run scoring:train` on the labelled tuning transcripts only.
 */
export const evidenceModelSchema = z.object({
  version: z.literal(1),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** The probability at which the best sentence earns the item. */
  earnAt: z.number().min(0).max(1),
  /** Where the model came from: the training files and their counts. */
  trainedOn: z.string(),
});
export type EvidenceModel = z.infer<typeof evidenceModelSchema>;

function checked(model: unknown): EvidenceModel {
  const parsed = evidenceModelSchema.parse(model);
  if (parsed.features.join() !== FEATURE_NAMES.join() || parsed.weights.length !== FEATURE_NAMES.length) {
    throw new Error("evidence-model.json was trained on other features: run npm run scoring:train");
  }
  return parsed;
}

let loaded: EvidenceModel | null = null;

/** The committed model, checked on first use (not at import, so a retraining can replace it). */
export function evidenceModel(): EvidenceModel {
  loaded ??= checked(committed);
  return loaded;
}

export function probability(model: EvidenceModel, values: number[]): number {
  let z = model.bias;
  for (let i = 0; i < values.length; i++) z += (model.weights[i] ?? 0) * (values[i] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export interface TrainingPair {
  values: number[];
  positive: boolean;
}

/**
 * Batch gradient descent on the class-balanced log loss with an L2 penalty: deterministic,
 * so the committed model can be checked against a fresh training.
 */
export function trainEvidenceModel(
  pairs: TrainingPair[],
  options: { iterations?: number; learningRate?: number; l2?: number } = {},
): { weights: number[]; bias: number } {
  const { iterations = 3000, learningRate = 0.5, l2 = 0.001 } = options;
  const n = FEATURE_NAMES.length;
  const weights = new Array<number>(n).fill(0);
  let bias = 0;
  const positives = pairs.filter((p) => p.positive).length;
  const negatives = pairs.length - positives;
  if (positives === 0 || negatives === 0) throw new Error("training needs positive and negative pairs");
  const weightOf = (p: TrainingPair) => (p.positive ? pairs.length / (2 * positives) : pairs.length / (2 * negatives));
  for (let it = 0; it < iterations; it++) {
    const gradient = new Array<number>(n).fill(0);
    let gradientBias = 0;
    for (const pair of pairs) {
      let z = bias;
      for (let i = 0; i < n; i++) z += (weights[i] as number) * (pair.values[i] ?? 0);
      const error = (1 / (1 + Math.exp(-z)) - (pair.positive ? 1 : 0)) * weightOf(pair);
      for (let i = 0; i < n; i++) gradient[i] = (gradient[i] as number) + error * (pair.values[i] ?? 0);
      gradientBias += error;
    }
    for (let i = 0; i < n; i++) {
      weights[i] =
        (weights[i] as number) - learningRate * ((gradient[i] as number) / pairs.length + l2 * (weights[i] as number));
    }
    bias -= learningRate * (gradientBias / pairs.length);
  }
  return { weights: weights.map((w) => Number(w.toFixed(5))), bias: Number(bias.toFixed(5)) };
}
