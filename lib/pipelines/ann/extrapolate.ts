import type { SweepPoint } from "./hnsw";

/** FAISS's rule of thumb for IVF lists: about 4 x sqrt(n). */
export const defaultNlist = (n: number) => Math.max(1, Math.round(4 * Math.sqrt(n)));
/** One PQ byte per 8 dimensions (16 bytes at 128-d: 32x smaller than float32). */
export const defaultPqBytes = (dim: number) => Math.max(1, Math.round(dim / 8));

export const IVF_PQ_FORMULA = "n x (code bytes + 8) + lists x dim x 4";

/** IVF-PQ memory (computed, not built): a PQ code and an 8-byte id per vector, plus the float32 centroids. */
export function ivfPqBytes(n: number, dim: number, pqBytes: number, nlist: number): number {
  return n * (pqBytes + 8) + nlist * dim * 4;
}

/** The smallest ef whose measured recall reaches `target`; the most accurate point when none does. */
export function chooseEf(sweep: SweepPoint[], target = 0.95): SweepPoint {
  const byEf = [...sweep].sort((a, b) => a.ef - b.ef);
  const reaching = byEf.find((p) => p.recall >= target);
  if (reaching) return reaching;
  const best = [...sweep].sort((a, b) => b.recall - a.recall)[0];
  if (!best) throw new Error("an empty ef sweep has no operating point");
  return best;
}

export interface MeasuredScale {
  n: number;
  dim: number;
  /** Saved HNSW index length / n. */
  bytesPerVector: number;
  operatingPoint: SweepPoint;
  exactBandwidthGBps: number;
}

export interface Extrapolation {
  targetN: number;
  ef: number;
  hnswBytes: number;
  hnswInt8Bytes: number;
  ivfPqBytes: number;
  ivfPqNlist: number;
  rawVectorBytes: number;
  p50Ms: number;
  shards: number;
  perShardP50Ms: number;
  exactScanMs: number;
  formulas: Record<string, string>;
}

/**
 * Scales the measured figures to `targetN`. Every figure here is EXTRAPOLATED, under the
 * assumptions listed by `extrapolationAssumptions`: memory linear in n, HNSW hops growing with
 * log n (latency x ln(targetN) / ln(n) at equal ef), and a shard count set by RAM per shard.
 */
export function extrapolate(
  measured: MeasuredScale,
  targetN: number,
  options: { pqBytes: number; nlist?: number; shardMemoryGB: number },
): Extrapolation {
  const { n, dim, bytesPerVector, operatingPoint } = measured;
  const logRatio = (size: number) => Math.log(Math.max(size, 2)) / Math.log(n);
  const hnswBytes = bytesPerVector * targetN;
  const graphBytesPerVector = Math.max(0, bytesPerVector - dim * 4);
  const nlist = options.nlist ?? defaultNlist(targetN);
  const shards = Math.max(1, Math.ceil(hnswBytes / (options.shardMemoryGB * 1e9)));
  return {
    targetN,
    ef: operatingPoint.ef,
    hnswBytes,
    hnswInt8Bytes: targetN * (graphBytesPerVector + dim),
    ivfPqBytes: ivfPqBytes(targetN, dim, options.pqBytes, nlist),
    ivfPqNlist: nlist,
    rawVectorBytes: targetN * dim * 4,
    p50Ms: operatingPoint.p50Ms * logRatio(targetN),
    shards,
    perShardP50Ms: operatingPoint.p50Ms * logRatio(targetN / shards),
    exactScanMs: ((targetN * dim * 4) / (measured.exactBandwidthGBps * 1e9)) * 1000,
    formulas: {
      hnswBytes: "indexBytes / n x targetN",
      hnswInt8Bytes: "targetN x (bytesPerVector - dim x 4 + dim)",
      ivfPqBytes: `${IVF_PQ_FORMULA}, nlist = ${options.nlist === undefined ? "4 x sqrt(targetN)" : "given"}`,
      rawVectorBytes: "targetN x dim x 4",
      p50Ms: "p50(ef) x ln(targetN) / ln(n)",
      shards: "ceil(hnswBytes / shardMemoryGB)",
      perShardP50Ms: "p50(ef) x ln(targetN / shards) / ln(n), each query goes to every shard, then a top-k merge",
      exactScanMs: "targetN x dim x 4 / exact-scan bandwidth",
    },
  };
}

/**
 * What the extrapolation assumes, in words, for the summary. The measured figures quoted here (HNSW
 * recall at 1M x 128, FAISS IVF-PQ raw recall) are sourced and dated in docs/reference-figures.md.
 */
export function extrapolationAssumptions(n: number, shardMemoryGB: number): string[] {
  return [
    `Extrapolated figures are computed from this run at n = ${n.toLocaleString("en-US")}, not measured at the target scale.`,
    "Memory is linear in n: the saved index's bytes per vector (vector + graph links + key) times the target n.",
    "HNSW visits about log n nodes per layer walk, so latency at equal ef scales by ln(targetN) / ln(n); caches miss more at scale, so treat it as a lower bound.",
    "Recall at a fixed ef drops as n grows (measured on this kind of machine: at 1M x 128 with a build width of 64, HNSW never reached 0.99; hnswlib reached 0.985 at ef 256): raise M, the build width and ef with n instead of reusing the ef measured here.",
    `Sharding splits n over S shards of ${shardMemoryGB} GB RAM each; every query goes to all S shards and their top-k lists are merged, so per-shard latency shrinks only logarithmically while total work per query is S times one shard's.`,
    "int8 quantisation makes the vectors 4x smaller (the graph links stay); IVF-PQ with a few bytes of code per vector is far smaller again but its raw recall is low (0.38 measured with FAISS on this kind of machine), so it needs an exact re-rank of the top ~100 from full vectors kept on SSD or in RAM.",
  ];
}
