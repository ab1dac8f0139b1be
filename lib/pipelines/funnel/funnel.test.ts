import { describe, expect, it } from "vitest";
import { PipelineCancelledError } from "../types";
import { funnelPipeline } from "./index";
import type { FunnelResult } from "./result";

const small = {
  items: 2_000,
  dim: 16,
  users: 30,
  candidates: 100,
  rankKeep: 20,
  finalK: 5,
  seed: 3,
  budget: { totalMs: 50, rankingMs: 1, candidateCount: 1_000 },
};
const quiet = () => ({ onProgress: () => {}, signal: new AbortController().signal });
const run = (overrides: Record<string, unknown> = {}) =>
  funnelPipeline.run(funnelPipeline.paramsSchema.parse({ ...small, ...overrides }), quiet());

/** The result without what depends on the machine: timings and whether they fit the budget. */
function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.endsWith("Ms") && key !== "fits")
        .map(([key, v]) => [key, withoutTimings(v)]),
    );
  }
  return value;
}

describe("funnel pipeline", () => {
  it("is deterministic for a seed, and a different seed changes the figures", async () => {
    const [a, b, c] = [await run(), await run(), await run({ seed: 4 })];
    expect(withoutTimings(a)).toEqual(withoutTimings(b));
    expect(withoutTimings(a)).not.toEqual(withoutTimings(c));
  });

  it("respects the author cap, keeps recall non-increasing and NDCG in [0, 1]", async () => {
    for (const authorCap of [1, 2]) {
      const result: FunnelResult = await run({ authorCap, diversityLambda: 0.6 });
      expect(result.rules.maxPerAuthorFinal).toBeLessThanOrEqual(authorCap);
      const [retrieval, ranking, rerank] = result.stages.map((s) => s.recall) as [number, number, number];
      expect(retrieval).toBeLessThanOrEqual(1);
      expect(ranking).toBeLessThanOrEqual(retrieval);
      expect(rerank).toBeLessThanOrEqual(ranking);
      for (const value of Object.values(result.ndcg)) expect(Number.isFinite(value)).toBe(true);
      for (const key of ["retrievalOrder", "ranker", "authorCapOnly", "diversityOnly", "final"] as const) {
        expect(result.ndcg[key]).toBeGreaterThanOrEqual(0);
        expect(result.ndcg[key]).toBeLessThanOrEqual(1);
      }
      expect(result.stages.map((s) => s.itemsIn)).toEqual([2_000, 100, 20]);
      expect(result.budget.rankingScale).toBe(10);
    }
  });

  it("summarizes into a headline, a row per stage and the funnel charts", async () => {
    const summary = funnelPipeline.summarize(await run());
    expect(summary.headline).toMatch(/2,000 items → 100 candidates → 20 ranked/);
    expect(summary.rows.slice(0, 3).map((r) => r.label)).toEqual([
      "Candidate generation (HNSW): 2,000 → 100",
      "Ranking (logistic model): 100 → 20",
      expect.stringMatching(/^Re-ranking \(author cap \+ MMR\): 20 → /),
    ]);
    expect(summary.charts.map((c) => c.id)).toEqual(["funnel-items", "funnel-latency", "funnel-recall", "funnel-ndcg"]);
    expect(summary.charts[0]?.series[0]?.points.map((p) => p.y).slice(0, 3)).toEqual([2_000, 100, 20]);
  });

  it("reports progress and stops when cancelled", async () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const params = funnelPipeline.paramsSchema.parse(small);
    const running = funnelPipeline.run(params, {
      signal: controller.signal,
      onProgress: (fraction) => {
        fractions.push(fraction);
        if (fraction > 0.1) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(PipelineCancelledError);
    expect(fractions.length).toBeGreaterThan(2);
  });
});

describe("funnel limits", () => {
  const problem = (params: Record<string, unknown>) => {
    const parsed = funnelPipeline.paramsSchema.safeParse(params);
    return parsed.success ? null : `${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`;
  };

  it("uses the documented defaults", () => {
    expect(funnelPipeline.paramsSchema.parse({})).toMatchObject({
      items: 100_000,
      dim: 64,
      users: 200,
      candidates: 500,
      rankKeep: 50,
      finalK: 10,
      authorCap: 2,
      budget: { totalMs: 200 },
    });
  });

  it("refuses sizes this machine cannot run, saying the limit", () => {
    expect(problem({ items: 100_001 })).toMatch(
      /items must be at most 100,000 on this machine: the one-thread HNSW build/,
    );
    expect(problem({ items: 100_000, dim: 256 })).toMatch(
      /items x dim must be at most 12,800,000 on this machine \(51 MB of float32 vectors\)/,
    );
    expect(problem({ items: 100_000, efConstruction: 64 })).toMatch(
      /efConstruction x items x dim \(or M, when larger, in place of efConstruction\) must be at most 204,800,000 on this machine \(the one-thread HNSW build's work/,
    );
    expect(problem({ items: 100_000, M: 64 })).toMatch(/efConstruction x items x dim \(or M.*got 409,600,000/);
    expect(problem({ items: 100_000, users: 401 })).toMatch(
      /users x items x dim must be at most 2,560,000,000 on this machine \(every user's true top-K is an exact scan/,
    );
    expect(problem({ users: 200, candidates: 1_251 })).toMatch(
      /candidates x users must be at most 250,000 on this machine \(each user's request searches, ranks and re-ranks/,
    );
    expect(problem({ items: 1_000, users: 100, candidates: 1_500, rankKeep: 50 })).toMatch(
      /candidates must be at most items/,
    );
    expect(problem({ items: 999 })).toMatch(/items must be at least 1,000/);
    expect(problem({ rankKeep: 600 })).toMatch(/rankKeep must be at most candidates/);
    expect(problem({ finalK: 60 })).toMatch(/finalK must be at most rankKeep/);
    expect(problem({ diversityLambda: 1.5 })).toMatch(/between 0/);
    expect(problem({ budget: { totalMs: -1 } })).toMatch(/positive number of milliseconds/);
    expect(problem({ budget: { totalMs: undefined } })).toBeNull();
  });
});
