/**
 * Negative downsampling and the correction it needs. Keeping every positive and a share w of
 * negatives cuts training cost by about 1/w at low CTR, but the model then learns the odds of
 * the sampled data, which are the true odds divided by w: its raw scores over-predict.
 */
import { mulberry32 } from "@/lib/pipelines/random";

/** Every positive row and each negative row with probability `keepRate`, in the original order. */
export function downsampleNegatives(
  rows: Uint32Array,
  labels: Uint8Array,
  keepRate: number,
  seed: number,
): Uint32Array {
  const random = mulberry32(seed);
  const kept: number[] = [];
  for (const row of rows) if (labels[row] === 1 || random() < keepRate) kept.push(row);
  return Uint32Array.from(kept);
}

/**
 * Maps a score from a model trained with negatives kept at rate w back to the original data's
 * scale: q = p / (p + (1 - p) / w). It multiplies the odds by w, undoing the sampling exactly
 * (p' = p / (p + (1 - p) w) is what sampling did to the true rate p, and q(p') = p).
 */
export function recalibrate(p: number, keepRate: number): number {
  return p / (p + (1 - p) / keepRate);
}
