import { describe, expect, it } from "vitest";
import { PipelineCancelledError } from "../types";
import { clusteredSource, recallAtK, rows } from "./data";
import { exactBaseline } from "./exact";
import { hnswlibCrossCheck, loadHnswlib } from "./hnswlib";
import { annPipeline } from "./index";

const quiet = { onProgress: () => {}, signal: new AbortController().signal };
const issues = (input: unknown) => {
  const parsed = annPipeline.paramsSchema.safeParse(input);
  return parsed.success ? "" : parsed.error.issues.map((i) => i.message).join("; ");
};

/** Brute-force top-k by inner product in plain JS, to check the SIMD exact search against. */
function bruteForce(corpus: Float32Array, query: Float32Array, dim: number, k: number): number[] {
  const scores = Array.from({ length: corpus.length / dim }, (_, i) => {
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += (corpus[i * dim + d] as number) * (query[d] as number);
    return { i, dot };
  });
  return scores
    .sort((a, b) => b.dot - a.dot)
    .slice(0, k)
    .map((s) => s.i);
}

describe("ann params", () => {
  it("has defaults that fit a short run", () => {
    expect(annPipeline.paramsSchema.parse({})).toMatchObject({
      n: 100_000,
      dim: 128,
      clusters: 100,
      k: 10,
      queries: 500,
      M: 16,
      efConstruction: 64,
      efSweep: [16, 32, 64, 128],
    });
  });

  it("refuses sizes beyond the machine, naming the limit and why", () => {
    expect(issues({ n: 500_000 })).toMatch(/n must be at most 100,000 on this machine: the HNSW build time and memory/);
    expect(issues({ dim: 2_048 })).toMatch(/dim must be at most 1,024 on this machine/);
    expect(issues({ queries: 6_000 })).toMatch(/queries must be at most 5,000 on this machine/);
    expect(issues({ n: 100_000, dim: 256 })).toMatch(
      /n x dim must be at most 12,800,000 on this machine, 51 MB of float32 vectors before indexing; got 25,600,000/,
    );
    expect(issues({ efSweep: [2_048] })).toMatch(/each ef must be at most 512 on this machine/);
    expect(issues({ n: 100_000, efConstruction: 128 })).toMatch(
      /n x dim x max\(efConstruction, M\) must be at most 819,200,000 on this machine, the HNSW build's work/,
    );
    expect(issues({ queries: 2_000, efSweep: [512, 512] })).toMatch(
      /queries x the sum of efSweep x dim must be at most 131,072,000 on this machine, the HNSW query passes/,
    );
    expect(issues({ n: 100_000, queries: 1_001 })).toMatch(
      /queries x n x dim must be at most 12,800,000,000 on this machine, the exact scan/,
    );
    expect(issues({ n: 100_000, hnswlib: true })).toMatch(
      /hnswlib cross-check runs only for n x dim x max\(efConstruction, M\) up to 204,800,000 on this machine/,
    );
    // At the caps, each at once: the heaviest run accepted (about 20 s here).
    expect(
      issues({ n: 100_000, dim: 128, efConstruction: 64, M: 64, queries: 1_000, efSweep: [256, 256, 256, 256] }),
    ).toBe("");
    expect(issues({ n: 25_000, hnswlib: true })).toBe("");
    // M counts as the build's width when it is the larger: each insert searches at least M candidates.
    expect(issues({ n: 100_000, efConstruction: 16, M: 64, hnswlib: true })).toMatch(
      /up to 204,800,000.*got 819,200,000/,
    );
    expect(issues({ n: 100_000, efConstruction: 8, M: 65 })).toMatch(/M must be at most 64/);
    expect(issues({ claim: { recall: 1.5 } })).toMatch(/claim.recall is a fraction/);
  });
});

describe("ann pipeline", () => {
  it("finds the exact top-k, and recall of exact against itself is 1", async () => {
    const dim = 32;
    const corpus = new Float32Array(2_000 * dim);
    const shape = { dim, clusters: 10, spread: 1, decay: 0.5 };
    clusteredSource(1, shape, 0).generate(2_000, corpus, 0);
    const queryMatrix = new Float32Array(20 * dim);
    clusteredSource(1, shape, 1).generate(20, queryMatrix, 0);
    const queries = rows(queryMatrix, dim);
    const exact = await exactBaseline(corpus, queries, dim, 5, quiet.signal, () => {});
    expect(recallAtK(exact.truth, exact.truth, 5)).toBe(1);
    const brute = queries.map((q) => bruteForce(corpus, q, dim, 5));
    expect(recallAtK(exact.truth, brute, 5)).toBe(1);
  });

  it("reaches recall >= 0.9 with HNSW on 5,000 vectors, with rows and charts", async () => {
    const params = annPipeline.paramsSchema.parse({ n: 5_000, queries: 200, efSweep: [16, 64], targetN: 1e8 });
    const result = await annPipeline.run(params, quiet);
    const best = Math.max(...result.hnsw.sweep.map((p) => p.recall));
    expect(best).toBeGreaterThanOrEqual(0.9);
    expect(result.hnsw.indexBytes).toBeGreaterThan(5_000 * 128 * 4);
    const summary = annPipeline.summarize(result);
    expect(summary.charts.map((c) => c.id)).toEqual(["recall-vs-latency", "qps-per-engine"]);
    expect(summary.charts[0]?.series[0]?.points).toHaveLength(2);
    expect(summary.rows.filter((r) => r.label.includes("(extrapolated")).length).toBeGreaterThan(0);
    expect(summary.assumptions?.join(" ")).toMatch(/not measured at the target scale/);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("stops with PipelineCancelledError when aborted mid-run", async () => {
    const controller = new AbortController();
    const params = annPipeline.paramsSchema.parse({ n: 20_000, queries: 100 });
    const run = annPipeline.run(params, {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction > 0.3) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(PipelineCancelledError);
  });
});

describe("hnswlib-node cross-check", () => {
  it("runs when the addon loads, and is skipped with a note when it does not", async () => {
    const dim = 16;
    const corpus = new Float32Array(1_000 * dim);
    const shape = { dim, clusters: 5, spread: 1, decay: 0.5 };
    clusteredSource(2, shape, 0).generate(1_000, corpus, 0);
    const queries = rows(corpus.slice(0, 20 * dim), dim);
    const truth = queries.map((q) => bruteForce(corpus, q, dim, 5));
    const config = { M: 16, efConstruction: 64, efSweep: [64], seed: 1 };
    const check = await hnswlibCrossCheck({ corpus, queries, truth, dim, k: 5 }, config, quiet.signal, () => {});
    if (loadHnswlib()) {
      expect(check.available && check.sweep[0]?.recall).toBeGreaterThanOrEqual(0.9);
    } else {
      expect(check).toEqual({ available: false, note: expect.stringMatching(/hnswlib-node not available/) });
    }
  });
});
