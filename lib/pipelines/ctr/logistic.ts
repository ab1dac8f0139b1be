/**
 * Logistic regression on hashed one-hot features, trained by per-coordinate SGD: the model most
 * CTR systems start from, and the one whose calibration the experiments below move around.
 */
import { mulberry32 } from "@/lib/pipelines/random";
import { FIELD_COUNT, HASH_SIZE, hashFeature, POSITION_FIELD } from "./features";

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update on the weights a row touches (the usual lazy form for sparse rows); the bias is not penalised. */
  l2: number;
  seed: number;
  /** Whether the position field is a feature; without it the model never sees where the ad was shown. */
  usePosition: boolean;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Fisher-Yates on a typed array: each epoch visits the rows in a new seeded order. */
function shuffle(values: Uint32Array, random: () => number): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = values[i] as number;
    values[i] = values[j] as number;
    values[j] = a;
  }
}

/**
 * Trains on `rows` (indices into the hashed `features`, FIELD_COUNT per row) with 0/1 `labels`
 * indexed by row, and returns the weights averaged over the second half of the steps.
 *
 * Steps are per coordinate, learningRate / sqrt(1 + sum of that weight's squared gradients)
 * (AdaGrad, the per-coordinate SGD of McMahan et al., "Ad Click Prediction: a View from the
 * Trenches"), and the returned weights are a Polyak-Ruppert average. Both are there because
 * calibration is what is measured: with a constant step the bias and position weights, touched
 * by every row, jitter with each click and the last iterate's calibration ratio wanders by
 * 10-20% from run to run, enough to drown the effects being shown.
 * `onChunk(rowsDone)` is awaited ten times an epoch.
 */
export async function trainLogistic(
  features: Uint32Array,
  rows: Uint32Array,
  labels: Uint8Array,
  options: LogisticOptions,
  onChunk: (rowsDone: number) => Promise<void> = async () => {},
): Promise<Float64Array> {
  const weights = new Float64Array(HASH_SIZE);
  if (rows.length === 0 || options.epochs < 1) return weights;
  const squares = new Float64Array(HASH_SIZE).fill(1);
  // Lazy averaging: a weight's value is added to `sums` once per step it held, when it next changes.
  const sums = new Float64Array(HASH_SIZE);
  const changedAt = new Float64Array(HASH_SIZE);
  const totalSteps = options.epochs * rows.length;
  const firstAveraged = Math.floor(totalSteps / 2) + 1;
  const fields = options.usePosition ? FIELD_COUNT : POSITION_FIELD;
  const random = mulberry32(options.seed);
  const order = rows.slice();
  const chunk = Math.max(1, Math.ceil(order.length / 10));
  const { learningRate, l2 } = options;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && k % chunk === 0) await onChunk(chunk);
      const row = order[k] as number;
      const base = row * FIELD_COUNT;
      let z = 0;
      for (let f = 0; f < fields; f++) z += weights[features[base + f] as number] as number;
      const error = sigmoid(z) - (labels[row] as number);
      step++;
      for (let f = 0; f < fields; f++) {
        const j = features[base + f] as number;
        const w = weights[j] as number;
        // One-hot inputs are 1, so the gradient is the error (plus the L2 pull, not on the bias).
        const gradient = f === 0 ? error : error + l2 * w;
        const square = (squares[j] as number) + gradient * gradient;
        squares[j] = square;
        if (step >= firstAveraged) {
          sums[j] = (sums[j] as number) + w * (step - Math.max(changedAt[j] as number, firstAveraged));
          changedAt[j] = step;
        }
        weights[j] = w - (learningRate * gradient) / Math.sqrt(square);
      }
    }
    await onChunk(order.length - chunk * Math.floor((order.length - 1) / chunk));
  }
  const span = totalSteps - firstAveraged + 1;
  for (let j = 0; j < HASH_SIZE; j++) {
    const held = totalSteps - Math.max(changedAt[j] as number, firstAveraged) + 1;
    sums[j] = ((sums[j] as number) + (weights[j] as number) * held) / span;
  }
  return sums;
}

/**
 * Predicted probabilities for `rows`. With `servePosition` set, every row is scored as if shown
 * in that slot: how a model that learned position as a feature is served, since at request time
 * the slot is not yet known and the quantity wanted is the click rate free of position.
 */
export function predictLogistic(
  weights: Float64Array,
  features: Uint32Array,
  rows: Uint32Array,
  usePosition: boolean,
  servePosition?: number,
): Float64Array {
  const out = new Float64Array(rows.length);
  const pinned = servePosition === undefined ? undefined : hashFeature(POSITION_FIELD, servePosition);
  for (let k = 0; k < rows.length; k++) {
    const base = (rows[k] as number) * FIELD_COUNT;
    let z = 0;
    for (let f = 0; f < POSITION_FIELD; f++) z += weights[features[base + f] as number] as number;
    if (usePosition) z += weights[pinned ?? (features[base + POSITION_FIELD] as number)] as number;
    out[k] = sigmoid(z);
  }
  return out;
}
