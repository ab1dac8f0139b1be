import { afterAll, describe, expect, it } from "vitest";
import { checkWorkerInfo, runCheckInWorker, stopCheckWorker } from "./check-worker";
import { ctrPipeline } from "./ctr";
import { funnelPipeline } from "./funnel";
import { DEFAULT_RUN_CACHE_LIMITS } from "./run-cache";
import { PipelineRunError } from "./run-in-worker";
import type { RunDebug } from "./worker-protocol";

const quiet = { onProgress: () => {}, signal: new AbortController().signal };
/** A run's debug record, captured through `onDebug`. */
async function run(pipeline: string, params: unknown) {
  let debug: RunDebug | undefined;
  const result = await runCheckInWorker(pipeline, params, { onDebug: (d) => (debug = d) });
  if (!debug) throw new Error("no debug record");
  return { result, debug };
}
/** Drops what a run measures with a clock (and sentences quoting those figures): the rest must not change. */
const withoutTimings = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value, (key, v) => (/(Ms|ms|qps|GBps|gbps)$/.test(key) || key === "reason" ? undefined : v)),
  );

afterAll(() => stopCheckWorker());

describe("runCheckInWorker", () => {
  it("serves successive runs on one worker thread", async () => {
    const first = await run("capacity", { dau: 1e8 });
    const second = await run("capacity", { dau: 2e8 });
    expect(second.debug.threadId).toBe(first.debug.threadId);
    expect(second.debug.runsServed).toBe(first.debug.runsServed + 1);
    expect(checkWorkerInfo().threadId).toBe(first.debug.threadId);
  });

  it("serves concurrent submissions one at a time, in order", async () => {
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((dau) => runCheckInWorker("capacity", { dau: dau * 1e8 }).then(() => order.push(dau))),
    );
    expect(order).toEqual([1, 2, 3]);
  });

  it("cancels a run mid-way, and the next run succeeds on the same thread", async () => {
    const before = checkWorkerInfo();
    const controller = new AbortController();
    const cancelled = runCheckInWorker(
      "ann",
      { n: 50_000, dim: 64, queries: 200, seed: 1 },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(cancelled).rejects.toMatchObject({ name: "PipelineRunError", cancelled: true });
    const next = await run("capacity", { dau: 1e8 });
    expect(next.debug.threadId).toBe(before.threadId);
    expect(checkWorkerInfo().workersStarted).toBe(before.workersStarted);
  });

  it("cancels a run still waiting in the queue without running it", async () => {
    const controller = new AbortController();
    const ahead = runCheckInWorker("capacity", { dau: 1e8 });
    const queued = runCheckInWorker("capacity", { dau: 1e8 }, { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toMatchObject({ cancelled: true });
    await expect(ahead).resolves.toBeDefined();
  });

  it("replaces a worker that died mid-run", async () => {
    const before = checkWorkerInfo();
    let stopped = false;
    const dying = runCheckInWorker(
      "ann",
      { n: 50_000, dim: 64, queries: 200, seed: 2 },
      {
        onProgress: () => {
          if (!stopped) void stopCheckWorker();
          stopped = true;
        },
      },
    );
    await expect(dying).rejects.toBeInstanceOf(PipelineRunError);
    await expect(dying).rejects.toMatchObject({ cancelled: false });
    const next = await run("capacity", { dau: 1e8 });
    expect(next.debug.threadId).not.toBe(before.threadId);
    expect(checkWorkerInfo().workersStarted).toBe(before.workersStarted + 1);
  });

  it("reports a pipeline's own error as a failed run, and keeps serving", async () => {
    await expect(runCheckInWorker("ann", { n: 10 })).rejects.toThrow(/n must be at least/);
    await expect(runCheckInWorker("capacity", { dau: 1e8 })).resolves.toBeDefined();
  });
});

describe("the check worker's cache", () => {
  it("gives the same funnel result from the cache as an uncached run", async () => {
    const params = { items: 5_000, users: 30, budget: { totalMs: 100 } };
    const cold = await run("funnel", params);
    const warm = await run("funnel", { ...params, budget: { totalMs: 50 } });
    expect(cold.debug.cacheMisses).toBeGreaterThan(0);
    expect(warm.debug.cacheHits).toBeGreaterThan(0);
    expect(warm.debug.cacheMisses).toBe(0);
    const uncached = await funnelPipeline.run(funnelPipeline.paramsSchema.parse(params), quiet);
    const { budget: _b, params: _p, ...fromCache } = withoutTimings(warm.result);
    const { budget: _ub, params: _up, ...fresh } = withoutTimings(uncached);
    expect(fromCache).toEqual(fresh);
  });

  it("gives the same ctr result from the cache as an uncached run, with the new claim assessed", async () => {
    const params = { impressions: 10_000, claim: { auc: 0.9 } };
    await run("ctr", params);
    const warm = await run("ctr", { ...params, claim: { auc: 0.5 } });
    expect(warm.debug.cacheHits).toBe(1);
    const uncached = await ctrPipeline.run(ctrPipeline.paramsSchema.parse({ ...params, claim: { auc: 0.5 } }), quiet);
    expect(withoutTimings(warm.result)).toEqual(withoutTimings(uncached));
  });

  it("reuses the ann data, baseline and index: the same figures but for timings", async () => {
    const params = { n: 3_000, dim: 32, queries: 100, efSweep: [16, 64], claim: { recall: 0.9, n: 1e8 } };
    const cold = await run("ann", params);
    const warm = await run("ann", params);
    expect(warm.debug.cacheHits).toBe(4);
    expect(warm.debug.cacheMisses).toBe(0);
    expect(withoutTimings(warm.result)).toEqual(withoutTimings(cold.result));
  });

  it("stays within its bound of entries", async () => {
    const { maxEntries } = DEFAULT_RUN_CACHE_LIMITS;
    // Three entries a seed (data, baseline, index): enough seeds to overflow the bound.
    for (let seed = 0; seed < maxEntries / 3 + 2; seed++) await run("ann", { n: 1_000, dim: 8, queries: 10, seed });
    const { debug } = await run("ann", { n: 1_000, dim: 8, queries: 10, seed: 99 });
    expect(debug.cacheEntries).toBe(maxEntries);
  });
});
