import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { getRunById, listRecentRuns, ORPHANED_RUN_ERROR, startRun } from "@/db/queries/pipeline-runs";
import { pipelineRuns } from "@/db/schema";
import { openTestDatabase } from "@/db/testing/test-database";
import { runPipelineInWorker } from "@/lib/pipelines/run-in-worker";
import { getServerInstanceId } from "./instance-id";
import { recordPipelineRun, startOrphanSweeps, sweepOrphanedRuns } from "./pipeline-runs";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const getDb = async () => database.db;

async function latestRun() {
  const [run] = await listRecentRuns({ db: database.db, limit: 1 });
  return run;
}

describe("recordPipelineRun", () => {
  it("leaves a succeeded row, owned by this server, for a pipeline run on a worker", async () => {
    const result = await recordPipelineRun({
      pipeline: "capacity",
      params: { dau: 1e8 },
      userId: null,
      getDb,
      run: () => runPipelineInWorker("capacity", { dau: 1e8 }),
    });
    expect(result).toBeTruthy();
    expect(await latestRun()).toMatchObject({
      pipeline: "capacity",
      params: { dau: 1e8 },
      status: "succeeded",
      error: null,
      serverInstanceId: getServerInstanceId(),
    });
  });

  it("records a pipeline's own error as a failed run and still throws it", async () => {
    const run = recordPipelineRun({
      pipeline: "ann",
      params: { n: 10 },
      userId: null,
      getDb,
      run: () => runPipelineInWorker("ann", { n: 10 }),
    });
    await expect(run).rejects.toThrow(/n must be at least/);
    const row = await latestRun();
    expect(row?.status).toBe("failed");
    expect(row?.error).toMatch(/n must be at least/);
  });

  it("keeps the heartbeat of a long run fresh while it runs", async () => {
    let runId = "";
    await recordPipelineRun({
      pipeline: "capacity",
      params: {},
      userId: null,
      getDb,
      heartbeatMs: 20,
      run: async () => {
        runId = (await latestRun())?.id ?? "";
        await database.db
          .update(pipelineRuns)
          .set({ heartbeatAt: sql`now() - interval '1 hour'` })
          .where(eq(pipelineRuns.id, runId));
        await new Promise((resolve) => setTimeout(resolve, 200));
        const row = await getRunById({ db: database.db, id: runId });
        expect(Date.now() - (row?.heartbeatAt.getTime() ?? 0)).toBeLessThan(10_000);
      },
    });
    expect((await getRunById({ db: database.db, id: runId }))?.status).toBe("succeeded");
  });

  it("still returns the result when the database cannot record the run, and logs why", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await recordPipelineRun({
      pipeline: "capacity",
      params: {},
      userId: null,
      getDb: () => Promise.reject(new Error("database down")),
      run: async () => 42,
    });
    expect(result).toBe(42);
    expect(log).toHaveBeenCalledWith(expect.stringContaining("could not record the start"), expect.any(Error));
    log.mockRestore();
  });
});

describe("sweepOrphanedRuns", () => {
  it("fails a run whose server stopped beating, not one a live server is running", async () => {
    const values = { pipeline: "ann", params: {}, userId: null };
    const dead = await startRun({ db: database.db, values: { ...values, serverInstanceId: "dead-server" } });
    const alive = await startRun({ db: database.db, values: { ...values, serverInstanceId: "other-live-server" } });
    await database.db
      .update(pipelineRuns)
      .set({ heartbeatAt: sql`now() - interval '5 minutes'` })
      .where(eq(pipelineRuns.id, dead.id));

    expect(await sweepOrphanedRuns(database.db)).toEqual([dead.id]);
    expect(await getRunById({ db: database.db, id: dead.id })).toMatchObject({
      status: "failed",
      error: ORPHANED_RUN_ERROR,
    });
    expect((await getRunById({ db: database.db, id: alive.id }))?.status).toBe("running");
  });

  it("fails every running run at start on PGlite (no other process can own one), only stale ones on Postgres", async () => {
    const values = { pipeline: "ann", params: {}, userId: null, serverInstanceId: "killed-server" };
    const fresh = await startRun({ db: database.db, values });
    (await startOrphanSweeps({ db: database.db, kind: "postgres" }))();
    expect((await getRunById({ db: database.db, id: fresh.id }))?.status).toBe("running");
    (await startOrphanSweeps({ db: database.db, kind: "pglite" }))();
    expect(await getRunById({ db: database.db, id: fresh.id })).toMatchObject({
      status: "failed",
      error: ORPHANED_RUN_ERROR,
    });
  });
});
