import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runScratchDir } from "../run-cache";
import { recallAtK } from "./data";
import { checkpoint, inChunks, latencySummary } from "./timing";

export interface SweepPoint {
  ef: number;
  recall: number;
  p50Ms: number;
  p99Ms: number;
  qps: number;
}

export interface HnswResult {
  engine: string;
  buildMs: number;
  /** CPU time of the whole process during the build: near buildMs x threads when the machine is otherwise idle. */
  buildCpuMs: number;
  buildThreads: number;
  /** Length of the saved index: usearch's JS binding exposes no memoryUsage or serializedLength. */
  indexBytes: number;
  /** Growth of the process's resident memory across the build (includes allocator slack). */
  rssDeltaBytes: number;
  sweep: SweepPoint[];
  efMethod: string;
}

export interface HnswInput {
  corpus: Float32Array;
  queries: Float32Array[];
  truth: number[][];
  dim: number;
  k: number;
  M: number;
  efConstruction: number;
  efSweep: number[];
}

/** Warm-up queries before each timed pass, so first-touch page faults do not count as latency. */
const WARMUP = 50;

/** A built index saved to its own directory, with what its build cost. */
export interface BuiltHnsw {
  dir: string;
  file: string;
  dim: number;
  M: number;
  efConstruction: number;
  buildMs: number;
  buildCpuMs: number;
  buildThreads: number;
  indexBytes: number;
  rssDeltaBytes: number;
}

const EF_METHOD =
  "one build; each ef memory-maps the saved index into a new usearch Index constructed with expansion_search = ef";

/**
 * Builds usearch's HNSW (f32, inner product on unit vectors, i.e. cosine) and sweeps ef.
 * usearch fixes `expansion_search` when an Index is constructed (the C++
 * `change_expansion_search` is not bound to JS), and `load`/`view` keep the constructor's value,
 * so the index is saved once and each ef memory-maps it (`view`) into a new Index: no rebuild,
 * no copy.
 */
export async function usearchHnsw(
  input: HnswInput,
  signal: AbortSignal,
  reportBuild: (fraction: number) => void,
  reportSweep: (fraction: number) => void,
): Promise<HnswResult> {
  const built = await buildHnsw(input, signal, reportBuild);
  try {
    return await sweepHnsw(built, input, signal, reportSweep);
  } finally {
    removeHnsw(built);
  }
}

/**
 * Threads for an index build: one core fewer than the machine has (at least one). Runs start
 * from the server, whose main thread answers interview turns; a build on every core took that
 * core too and tripled other people's turn times (bench:fairness).
 */
export const BUILD_THREADS = Math.max(1, os.availableParallelism() - 1);

/**
 * Builds the index on BUILD_THREADS threads and saves it to a new temporary directory (remove it with
 * `removeHnsw`). The multi-threaded build interleaves inserts, so two builds of the same data
 * differ slightly in their graph and recall.
 */
export async function buildHnsw(
  input: Pick<HnswInput, "corpus" | "dim" | "M" | "efConstruction">,
  signal: AbortSignal,
  reportBuild: (fraction: number) => void,
): Promise<BuiltHnsw> {
  const { Index } = await import("usearch");
  const { corpus, dim } = input;
  const n = corpus.length / dim;
  const threads = BUILD_THREADS;
  const rssBefore = process.memoryUsage().rss;
  const built = new Index(await indexConfig(input, 16));
  const keys = BigUint64Array.from({ length: n }, (_, i) => BigInt(i));
  let buildMs = 0;
  let buildCpuMs = 0;
  await inChunks(n, 25, signal, reportBuild, (from, to) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    built.add(keys.subarray(from, to), corpus.subarray(from * dim, to * dim), threads);
    const used = process.cpuUsage(cpu);
    buildCpuMs += (used.user + used.system) / 1000;
    buildMs += performance.now() - start;
  });
  const rssDeltaBytes = process.memoryUsage().rss - rssBefore;
  const dir = fs.mkdtempSync(path.join(runScratchDir(), "probe-ann-"));
  const file = path.join(dir, "index.usearch");
  built.save(file);
  const { M, efConstruction } = input;
  const indexBytes = fs.statSync(file).size;
  return { dir, file, dim, M, efConstruction, buildMs, buildCpuMs, buildThreads: threads, indexBytes, rssDeltaBytes };
}

/** Deletes a built index's directory. */
export function removeHnsw(built: BuiltHnsw): void {
  fs.rmSync(built.dir, { recursive: true, force: true });
}

/** Recall@k and one-at-a-time latency of a saved index at each ef of `input.efSweep`. */
export async function sweepHnsw(
  built: BuiltHnsw,
  input: Pick<HnswInput, "queries" | "truth" | "k" | "efSweep">,
  signal: AbortSignal,
  reportSweep: (fraction: number) => void,
): Promise<HnswResult> {
  const { Index } = await import("usearch");
  const { k } = input;
  const sweep: SweepPoint[] = [];
  for (const [i, ef] of input.efSweep.entries()) {
    await checkpoint(signal);
    const index = new Index(await indexConfig(built, ef));
    index.view(built.file);
    const run = await timeQueries((q) => index.search(q, k, 1).keys, input.queries, signal);
    sweep.push({ ef, recall: recallAtK(run.found, input.truth, k), ...run.summary });
    reportSweep((i + 1) / input.efSweep.length);
  }
  const { dir: _dir, file: _file, dim: _dim, M: _M, efConstruction: _efC, ...build } = built;
  return { engine: "usearch HNSW", ...build, sweep, efMethod: EF_METHOD };
}

async function indexConfig(shape: { dim: number; M: number; efConstruction: number }, ef: number) {
  const { MetricKind, ScalarKind } = await import("usearch");
  return {
    dimensions: shape.dim,
    metric: MetricKind.IP,
    quantization: ScalarKind.F32,
    connectivity: shape.M,
    expansion_add: shape.efConstruction,
    expansion_search: ef,
    multi: false,
  };
}

/**
 * Times `search` one query at a time after a short warm-up; returns the ids found per query.
 * Only the search call is timed; converting its ids and the cancellation checks are not.
 */
export async function timeQueries<Q>(
  search: (query: Q) => ArrayLike<number | bigint>,
  queries: Q[],
  signal: AbortSignal,
) {
  for (const query of queries.slice(0, WARMUP)) search(query);
  const found: number[][] = [];
  const latencies: number[] = [];
  let total = 0;
  for (const [q, query] of queries.entries()) {
    if (q % 500 === 499) await checkpoint(signal);
    const start = performance.now();
    const ids = search(query);
    const elapsed = performance.now() - start;
    latencies.push(elapsed);
    total += elapsed;
    found.push(Array.from(ids, Number));
  }
  return { found, summary: latencySummary(latencies, total) };
}
