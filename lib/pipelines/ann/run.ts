import os from "node:os";
import { cached, cacheKey, withCached } from "../run-cache";
import type { PipelineContext } from "../types";
import { type BandwidthProbe, C_BANDWIDTH_GBPS, probeBandwidth } from "./bandwidth";
import { type ClaimCheck, checkClaim } from "./claims";
import { clusteredSource, effectiveDimensions, rows } from "./data";
import { exactBaseline } from "./exact";
import {
  chooseEf,
  defaultNlist,
  defaultPqBytes,
  type Extrapolation,
  extrapolate,
  IVF_PQ_FORMULA,
  ivfPqBytes,
  type MeasuredScale,
} from "./extrapolate";
import { buildHnsw, type HnswResult, removeHnsw, sweepHnsw } from "./hnsw";
import { type CrossCheck, hnswlibCrossCheck } from "./hnswlib";
import type { AnnParams } from "./params";
import { inChunks, stageProgress } from "./timing";

export interface AnnResult {
  params: AnnParams;
  data: {
    n: number;
    dim: number;
    clusters: number;
    spread: number;
    decay: number;
    effectiveDimensions: number;
    queries: number;
    metric: string;
    generationMs: number;
  };
  machine: { cores: number; bandwidth: BandwidthProbe; referenceCBandwidthGBps: number };
  exact: { engine: string; p50Ms: number; p99Ms: number; qps: number; bytesPerQuery: number; bandwidthGBps: number };
  hnsw: HnswResult & { bytesPerVector: number; chosenEf: number };
  crossCheck: CrossCheck | null;
  ivfPq: { pqBytes: number; nlist: number; bytes: number; formula: string };
  extrapolation: Extrapolation | null;
  claim: { scale: number; checks: ClaimCheck[] } | null;
  totalMs: number;
}

/** Relative cost of each stage, for a progress bar that moves at about the speed of the work. */
function stages(withHnswlib: boolean) {
  const weights = { probe: 1, generate: 2, exact: 3, build: 12, sweep: 3, hnswlib: withHnswlib ? 15 : 0 };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let start = 0;
  const bounds = {} as Record<keyof typeof weights, [number, number]>;
  for (const [name, weight] of Object.entries(weights) as Array<[keyof typeof weights, number]>) {
    bounds[name] = [start / total, (start + weight) / total];
    start += weight;
  }
  return bounds;
}

/** Runs every measurement of the ANN pipeline; see `annPipeline` for what it shows. */
export async function runAnn(params: AnnParams, context: PipelineContext): Promise<AnnResult> {
  const began = performance.now();
  const { n, dim, k, signal } = { ...params, signal: context.signal };
  const bounds = stages(params.hnswlib);
  const stage = (name: keyof typeof bounds) => stageProgress(context, ...bounds[name]);

  stage("probe")(0, "Measuring memory bandwidth with a 256 MB scan");
  // Once per thread when caching: the machine does not change between checks.
  const bandwidth = await cached(
    "ann:bandwidth",
    () => probeBandwidth(signal),
    () => 0,
  );

  const shape = { dim, clusters: params.clusters, spread: params.spread, decay: params.decay };
  const dataKey = { n, queries: params.queries, seed: params.seed, ...shape };
  const reportGenerate = stage("generate");
  const data = await cached(
    cacheKey("ann:data", dataKey),
    () =>
      generateData(params, shape, signal, (f) => reportGenerate(f, `Generating ${n.toLocaleString("en-US")} vectors`)),
    (d) => d.corpus.byteLength + d.queries.length * dim * 4,
  );
  const { corpus, queries, generationMs } = data;

  const reportExact = stage("exact");
  const exact = await cached(
    cacheKey("ann:exact", { ...dataKey, k }),
    () =>
      exactBaseline(corpus, queries, dim, k, signal, (f) =>
        reportExact(f, "Exact search (ground truth), one query at a time"),
      ),
    (e) => e.truth.length * k * 8,
  );

  const reportBuild = stage("build");
  const reportSweep = stage("sweep");
  const hnsw = await withCached(
    cacheKey("ann:hnsw", { ...dataKey, M: params.M, efConstruction: params.efConstruction }),
    () =>
      buildHnsw({ corpus, dim, M: params.M, efConstruction: params.efConstruction }, signal, (f) =>
        reportBuild(f, `Building the HNSW index (M = ${params.M}, efConstruction = ${params.efConstruction})`),
      ),
    { bytes: (built) => built.indexBytes, dispose: removeHnsw },
    (built) =>
      sweepHnsw(built, { queries, truth: exact.truth, k, efSweep: params.efSweep }, signal, (f) =>
        reportSweep(f, "Sweeping ef: recall and latency"),
      ),
  );

  let crossCheck: CrossCheck | null = null;
  if (params.hnswlib) {
    const reportHnswlib = stage("hnswlib");
    crossCheck = await hnswlibCrossCheck({ corpus, queries, truth: exact.truth, dim, k }, params, signal, (f) =>
      reportHnswlib(f, "Cross-checking with hnswlib-node"),
    );
  }

  const operatingPoint = chooseEf(hnsw.sweep);
  const measured: MeasuredScale = {
    n,
    dim,
    bytesPerVector: hnsw.indexBytes / n,
    operatingPoint,
    exactBandwidthGBps: exact.bandwidthGBps,
  };
  const pqBytes = params.pqBytes ?? defaultPqBytes(dim);
  const nlist = params.nlist ?? defaultNlist(n);
  const scaleOptions = { pqBytes, nlist: params.nlist, shardMemoryGB: params.shardMemoryGB };
  const targetN = params.targetN ?? params.claim?.n;
  const claimScale = params.claim?.n ?? params.targetN ?? n;
  context.onProgress(1, "Done");
  return {
    params,
    data: {
      ...shape,
      n,
      effectiveDimensions: effectiveDimensions(shape),
      queries: params.queries,
      metric: "cosine (inner product on unit vectors)",
      generationMs,
    },
    machine: { cores: os.availableParallelism(), bandwidth, referenceCBandwidthGBps: C_BANDWIDTH_GBPS },
    exact: { engine: "usearch exactSearch (SIMD, 1 thread)", ...withoutTruth(exact) },
    hnsw: { ...hnsw, bytesPerVector: measured.bytesPerVector, chosenEf: operatingPoint.ef },
    crossCheck,
    ivfPq: { pqBytes, nlist, bytes: ivfPqBytes(n, dim, pqBytes, nlist), formula: IVF_PQ_FORMULA },
    extrapolation: targetN === undefined ? null : extrapolate(measured, targetN, scaleOptions),
    claim: params.claim
      ? {
          scale: claimScale,
          checks: checkClaim(params.claim, n, hnsw.sweep, extrapolate(measured, claimScale, scaleOptions)),
        }
      : null,
    totalMs: performance.now() - began,
  };
}

/** The corpus and the queries for `params`, generated in chunks so a cancel is seen. */
async function generateData(
  params: AnnParams,
  shape: { dim: number; clusters: number; spread: number; decay: number },
  signal: AbortSignal,
  report: (fraction: number) => void,
) {
  const started = performance.now();
  const { n, dim } = params;
  const corpusSource = clusteredSource(params.seed, shape, 0);
  const corpus = new Float32Array(n * dim);
  await inChunks(n, 20, signal, report, (a, b) => corpusSource.generate(b - a, corpus, a));
  const queryMatrix = new Float32Array(params.queries * dim);
  clusteredSource(params.seed, shape, 1).generate(params.queries, queryMatrix, 0);
  return { corpus, queries: rows(queryMatrix, dim), generationMs: performance.now() - started };
}

function withoutTruth<T extends { truth: unknown }>(value: T): Omit<T, "truth"> {
  const { truth: _truth, ...rest } = value;
  return rest;
}
