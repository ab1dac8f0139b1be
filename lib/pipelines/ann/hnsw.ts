import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
  const { Index, MetricKind, ScalarKind } = await import("usearch");
  const { corpus, dim, k } = input;
  const n = corpus.length / dim;
  const config = {
    dimensions: dim,
    metric: MetricKind.IP,
    quantization: ScalarKind.F32,
    connectivity: input.M,
    expansion_add: input.efConstruction,
    multi: false,
  };
  const threads = os.availableParallelism();
  const rssBefore = process.memoryUsage().rss;
  const built = new Index({ ...config, expansion_search: input.efSweep[0] ?? 16 });
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "probe-ann-"));
  try {
    const file = path.join(dir, "index.usearch");
    built.save(file);
    const indexBytes = fs.statSync(file).size;
    const sweep: SweepPoint[] = [];
    for (const [i, ef] of input.efSweep.entries()) {
      await checkpoint(signal);
      const index = new Index({ ...config, expansion_search: ef });
      index.view(file);
      const run = await timeQueries((q) => index.search(q, k, 1).keys, input.queries, signal);
      sweep.push({ ef, recall: recallAtK(run.found, input.truth, k), ...run.summary });
      reportSweep((i + 1) / input.efSweep.length);
    }
    const efMethod =
      "one build; each ef memory-maps the saved index into a new usearch Index constructed with expansion_search = ef";
    return {
      engine: "usearch HNSW",
      buildMs,
      buildCpuMs,
      buildThreads: threads,
      indexBytes,
      rssDeltaBytes,
      sweep,
      efMethod,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
