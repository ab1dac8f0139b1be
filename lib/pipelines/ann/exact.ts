import { inChunks, latencySummary } from "./timing";

export interface ExactResult {
  /** Ground-truth top-k ids (corpus offsets), one array per query. */
  truth: number[][];
  p50Ms: number;
  p99Ms: number;
  qps: number;
  /** n x dim x 4: every float32 of the corpus is read once per query. */
  bytesPerQuery: number;
  /** bytesPerQuery x QPS, in GB/s. */
  bandwidthGBps: number;
}

/**
 * Brute-force top-k with usearch's SIMD `exactSearch`, one query at a time on one thread (the
 * latency a single request sees). `corpus` must be a whole array, never a subarray view: the
 * binding reads from the start of the underlying ArrayBuffer and ignores byteOffset.
 */
export async function exactBaseline(
  corpus: Float32Array,
  queries: Float32Array[],
  dim: number,
  k: number,
  signal: AbortSignal,
  report: (fraction: number) => void,
): Promise<ExactResult> {
  const { exactSearch, MetricKind } = await import("usearch");
  if (corpus.byteOffset !== 0 || corpus.length !== corpus.buffer.byteLength / 4) {
    throw new Error("exactBaseline needs a corpus that owns its whole ArrayBuffer");
  }
  const truth: number[][] = [];
  const latencies: number[] = [];
  let total = 0;
  await inChunks(queries.length, 20, signal, report, (from, to) => {
    for (let q = from; q < to; q++) {
      const start = performance.now();
      const matches = exactSearch(corpus, queries[q] as Float32Array, dim, k, MetricKind.IP, 1);
      const elapsed = performance.now() - start;
      latencies.push(elapsed);
      total += elapsed;
      truth.push(Array.from(matches.keys as BigUint64Array, Number));
    }
  });
  const bytesPerQuery = corpus.byteLength;
  const summary = latencySummary(latencies, total);
  return { truth, ...summary, bytesPerQuery, bandwidthGBps: (bytesPerQuery * summary.qps) / 1e9 };
}
