import { createRequire } from "node:module";
import { recallAtK } from "./data";
import type { SweepPoint } from "./hnsw";
import { timeQueries } from "./hnsw";
import { inChunks } from "./timing";

/** The part of hnswlib-node 3.x this pipeline uses. */
interface HnswlibIndex {
  initIndex(options: { maxElements: number; m: number; efConstruction: number; randomSeed: number }): void;
  addPoint(point: number[], label: number): void;
  setEf(ef: number): void;
  searchKnn(query: number[], k: number): { neighbors: number[]; distances: number[] };
}
interface HnswlibModule {
  HierarchicalNSW: new (space: "ip" | "l2" | "cosine", dim: number) => HnswlibIndex;
}

export type CrossCheck =
  | { available: false; note: string }
  | { available: true; engine: string; buildMs: number; rssDeltaBytes: number; sweep: SweepPoint[]; note: string };

/**
 * hnswlib-node is compiled by node-gyp at install; npm 11 may skip that script, leaving a
 * package that does not load. It is loaded by name at run time so that its absence is a note
 * in the result, never a failed run.
 */
export function loadHnswlib(): HnswlibModule | null {
  try {
    const module = createRequire(import.meta.url)("hnswlib-node") as Partial<HnswlibModule>;
    return typeof module.HierarchicalNSW === "function" ? (module as HnswlibModule) : null;
  } catch {
    return null;
  }
}

/**
 * The reference HNSW implementation with the same M, efConstruction and ef sweep. Inner product
 * on unit vectors is cosine similarity. Its add is single-threaded and takes plain arrays, so
 * the build is slower than usearch's; hnswlib changes ef at run time with `setEf`.
 */
export async function hnswlibCrossCheck(
  input: { corpus: Float32Array; queries: Float32Array[]; truth: number[][]; dim: number; k: number },
  config: { M: number; efConstruction: number; efSweep: number[]; seed: number },
  signal: AbortSignal,
  report: (fraction: number) => void,
): Promise<CrossCheck> {
  const hnswlib = loadHnswlib();
  if (!hnswlib)
    return { available: false, note: "hnswlib-node not available (its native addon did not load); skipped" };
  const { corpus, dim, k } = input;
  const n = corpus.length / dim;
  const rssBefore = process.memoryUsage().rss;
  const index = new hnswlib.HierarchicalNSW("ip", dim);
  index.initIndex({ maxElements: n, m: config.M, efConstruction: config.efConstruction, randomSeed: config.seed });
  let buildMs = 0;
  await inChunks(
    n,
    20,
    signal,
    (f) => report(0.8 * f),
    (from, to) => {
      const start = performance.now();
      for (let i = from; i < to; i++) index.addPoint(Array.from(corpus.subarray(i * dim, (i + 1) * dim)), i);
      buildMs += performance.now() - start;
    },
  );
  const rssDeltaBytes = process.memoryUsage().rss - rssBefore;
  const plainQueries = input.queries.map((q) => Array.from(q));
  const sweep: SweepPoint[] = [];
  for (const [i, ef] of config.efSweep.entries()) {
    index.setEf(ef);
    const run = await timeQueries((q: number[]) => index.searchKnn(q, k).neighbors, plainQueries, signal);
    sweep.push({ ef, recall: recallAtK(run.found, input.truth, k), ...run.summary });
    report(0.8 + (0.2 * (i + 1)) / config.efSweep.length);
  }
  return {
    available: true,
    engine: "hnswlib-node HNSW",
    buildMs,
    rssDeltaBytes,
    sweep,
    note: "single-threaded build; a query crosses N-API as a plain array",
  };
}
