/**
 * The gradient-boosted comparison, through ml-xgboost (XGBoost compiled to WASM: no native
 * build, nothing downloaded at install). Trees want dense columns, so the categorical fields
 * become smoothed click rates (target encoding) learned on training rows the trees never see,
 * which keeps the encoding from leaking each row's own label.
 */
import { createRequire } from "node:module";
import { mulberry32 } from "@/lib/pipelines/random";
import { CATEGORIES, DEVICES, HOURS, type ImpressionLog, SEGMENTS } from "./simulate";

/**
 * Trees fit on at most this many rows: XGBoost-WASM is single-threaded and exact-greedy, and the
 * fit is one blocking call that cannot report progress, so it is kept to a few tenths of a second.
 */
export const GBDT_TRAIN_ROWS = 20_000;
export const GBDT_ROUNDS = 50;
export const GBDT_MAX_DEPTH = 3;
export const GBDT_COLUMNS = ["segment CTR", "category CTR", "segment x category CTR", "device", "hour", "position"];
/** Pseudo-count of the prior in the smoothed click rate (clicks + m * prior) / (impressions + m). */
const SMOOTHING = 20;

interface Booster {
  train(rows: number[][], labels: number[]): void;
  predict(rows: number[][]): number[];
  free(): void;
}
type BoosterConstructor = new (options: Record<string, number | string>) => Booster;

let loading: Promise<BoosterConstructor> | undefined;

/**
 * Loads the WASM module once. Its Emscripten loader first tries to stream the .wasm by fetch,
 * which cannot read a file path in Node, then falls back to reading the file: it works, but
 * prints two warnings saying so. They are filtered from the warnings it keeps for itself.
 */
export function loadXGBoost(): Promise<BoosterConstructor> {
  if (!loading) {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (/wasm streaming compile failed|falling back to ArrayBuffer/.test(String(args[0]))) return;
      warn(...args);
    };
    try {
      const required = createRequire(import.meta.url)("ml-xgboost") as Promise<BoosterConstructor>;
      loading = Promise.resolve(required);
    } catch (error) {
      loading = Promise.reject(error);
    } finally {
      console.warn = warn;
    }
  }
  return loading;
}

/** Smoothed click rate per value, from the given rows only. */
function encode(values: Uint8Array | Uint16Array, cardinality: number, rows: Uint32Array, labels: Uint8Array) {
  const clicks = new Float64Array(cardinality);
  const counts = new Float64Array(cardinality);
  let total = 0;
  for (const row of rows) {
    const v = values[row] as number;
    counts[v] = (counts[v] as number) + 1;
    clicks[v] = (clicks[v] as number) + (labels[row] as number);
    total += labels[row] as number;
  }
  const prior = total / Math.max(1, rows.length);
  return Float64Array.from(counts, (count, v) => ((clicks[v] as number) + SMOOTHING * prior) / (count + SMOOTHING));
}

export interface GbdtOutcome {
  scores: Float64Array;
  trainRows: number;
  trainPositives: number;
  encodingRows: number;
  trainMs: number;
}

/**
 * Fits XGBoost on a seeded sample of training rows (dense columns above, position included)
 * and scores `test` with position pinned to 1, the same correction the logistic model uses.
 */
export async function trainAndScoreGbdt(
  log: ImpressionLog,
  train: Uint32Array,
  test: Uint32Array,
  labels: Uint8Array,
  seed: number,
  report: (stage: "fitted" | "scored", rows: number) => Promise<void> = async () => {},
): Promise<GbdtOutcome> {
  const XGBoost = await loadXGBoost();
  const random = mulberry32(seed ^ 0x6bd7);
  const share = Math.min(0.5, GBDT_TRAIN_ROWS / Math.max(1, train.length));
  // At most GBDT_TRAIN_ROWS fit rows, and at least half the training rows left for the encodings.
  const fit: number[] = [];
  const rest: number[] = [];
  for (const row of train) (random() < share && fit.length < GBDT_TRAIN_ROWS ? fit : rest).push(row);
  const encodingRows = Uint32Array.from(rest);
  const cross = Uint16Array.from(log.segment, (s, i) => s * CATEGORIES + (log.category[i] as number));
  const segmentRate = encode(log.segment, SEGMENTS, encodingRows, labels);
  const categoryRate = encode(log.category, CATEGORIES, encodingRows, labels);
  const crossRate = encode(cross, SEGMENTS * CATEGORIES, encodingRows, labels);
  const dense = (row: number, position: number) => [
    segmentRate[log.segment[row] as number] as number,
    categoryRate[log.category[row] as number] as number,
    crossRate[cross[row] as number] as number,
    (log.device[row] as number) / (DEVICES - 1),
    (log.hour[row] as number) / (HOURS - 1),
    position,
  ];
  const started = performance.now();
  const booster = new XGBoost({
    booster: "gbtree",
    objective: "binary:logistic",
    max_depth: GBDT_MAX_DEPTH,
    eta: 0.3,
    min_child_weight: 20,
    subsample: 1,
    colsample_bytree: 1,
    seed,
    silent: 1,
    iterations: GBDT_ROUNDS,
  });
  try {
    booster.train(
      fit.map((row) => dense(row, log.position[row] as number)),
      fit.map((row) => labels[row] as number),
    );
    await report("fitted", fit.length);
    const scores = new Float64Array(test.length);
    const batch = Math.max(1, Math.ceil(test.length / 10));
    for (let start = 0; start < test.length; start += batch) {
      const rows = Array.from(test.subarray(start, start + batch), (row) => dense(row, 1));
      scores.set(booster.predict(rows), start);
      await report("scored", rows.length);
    }
    const trainPositives = fit.reduce((sum, row) => sum + (labels[row] as number), 0);
    return {
      scores,
      trainRows: fit.length,
      trainPositives,
      encodingRows: rest.length,
      trainMs: performance.now() - started,
    };
  } finally {
    booster.free();
  }
}
