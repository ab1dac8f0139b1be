import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { pipelineRuns } from "../schema";
import { openTestDatabase } from "../testing/test-database";
import { failOrphanedRuns, finishRun, getRunById, listRecentRuns, ORPHANED_RUN_ERROR, startRun } from "./pipeline-runs";
import { ensureUser } from "./users";

let database: Database;
const owner = randomUUID();

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureUser({ db: database.db, id: owner });
});
afterAll(async () => database.close());

function start(pipeline = "capacity", userId: string | null = owner) {
  return startRun({
    db: database.db,
    values: { pipeline, params: { dau: 1e8 }, userId, serverInstanceId: "server-a" },
  });
}

/** Moves a run's heartbeat `seconds` into the past, as if its server had stopped beating then. */
async function ageHeartbeat(id: string, seconds: number) {
  await database.db
    .update(pipelineRuns)
    .set({ heartbeatAt: sql`now() - make_interval(secs => ${seconds})` })
    .where(eq(pipelineRuns.id, id));
}

describe("pipeline runs", () => {
  it("records a run as running, then succeeded or failed with its error", async () => {
    const ok = await start();
    expect(ok).toMatchObject({ status: "running", error: null, finishedAt: null, userId: owner, params: { dau: 1e8 } });
    await finishRun({ db: database.db, id: ok.id, outcome: { status: "succeeded" } });
    const bad = await start("ann", null);
    await finishRun({ db: database.db, id: bad.id, outcome: { status: "failed", error: "n must be at least 100" } });

    const succeeded = await getRunById({ db: database.db, id: ok.id });
    expect(succeeded).toMatchObject({ status: "succeeded", error: null, serverInstanceId: "server-a" });
    expect(succeeded?.finishedAt).toBeInstanceOf(Date);
    expect(await getRunById({ db: database.db, id: bad.id })).toMatchObject({
      status: "failed",
      error: "n must be at least 100",
      userId: null,
    });
    const recent = await listRecentRuns({ db: database.db, limit: 10 });
    expect(recent.map((run) => run.id)).toEqual(expect.arrayContaining([ok.id, bad.id]));
  });

  it("fails only the running runs whose heartbeat stopped, with the message", async () => {
    const orphan = await start();
    const live = await start();
    const slightlyLate = await start();
    const finished = await start();
    await finishRun({ db: database.db, id: finished.id, outcome: { status: "succeeded" } });
    await ageHeartbeat(orphan.id, 120);
    await ageHeartbeat(slightlyLate.id, 30);
    await ageHeartbeat(finished.id, 120);

    expect(await failOrphanedRuns({ db: database.db, staleAfterMs: 60_000 })).toEqual([orphan.id]);
    expect(await getRunById({ db: database.db, id: orphan.id })).toMatchObject({
      status: "failed",
      error: ORPHANED_RUN_ERROR,
    });
    expect((await getRunById({ db: database.db, id: live.id }))?.status).toBe("running");
    expect((await getRunById({ db: database.db, id: slightlyLate.id }))?.status).toBe("running");
    expect((await getRunById({ db: database.db, id: finished.id }))?.status).toBe("succeeded");

    // A run failed by the sweep stays failed if its (late) server reports an end after all.
    await finishRun({ db: database.db, id: orphan.id, outcome: { status: "succeeded" } });
    expect((await getRunById({ db: database.db, id: orphan.id }))?.status).toBe("failed");
  });
});
