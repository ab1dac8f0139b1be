import { and, desc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type PipelineRun, pipelineRuns } from "../schema";

/** The error an orphaned run is failed with. */
export const ORPHANED_RUN_ERROR = "the server running it stopped";

/** Records a run as running, owned by this server process; its heartbeat starts now. */
export function startRun({
  db,
  values,
}: {
  db: Db;
  values: { pipeline: string; params: unknown; userId: string | null; serverInstanceId: string };
}): Promise<PipelineRun> {
  return withDbError("db:start_run", async () => {
    const [row] = await db.insert(pipelineRuns).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

/**
 * Records a run as running unless `userId` already has a live one (a heartbeat newer than
 * `since`), as one step: a transaction-scoped advisory lock per person makes two requests at
 * once, on any servers, take turns, so only one of them finds no live run. Null when refused.
 */
export function startRunUnlessUserBusy({
  db,
  values,
  since,
}: {
  db: Db;
  values: { pipeline: string; params: unknown; userId: string; serverInstanceId: string };
  since: Date;
}): Promise<PipelineRun | null> {
  return withDbError("db:start_run", () =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`probe:lab-run:${values.userId}`}, 0))`);
      const [live] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(pipelineRuns)
        .where(
          and(
            eq(pipelineRuns.userId, values.userId),
            eq(pipelineRuns.status, "running"),
            gt(pipelineRuns.heartbeatAt, since),
          ),
        );
      if ((live?.n ?? 0) > 0) return null;
      const [row] = await tx.insert(pipelineRuns).values(values).returning();
      if (!row) throw new Error("insert returned no row");
      return row;
    }),
  );
}

/** Refreshes a running run's heartbeat (database time, so servers' clocks need not agree). */
export function touchRun({ db, id }: { db: Db; id: string }): Promise<void> {
  return withDbError("db:touch_run", async () => {
    await db
      .update(pipelineRuns)
      .set({ heartbeatAt: sql`now()` })
      .where(and(eq(pipelineRuns.id, id), eq(pipelineRuns.status, "running")));
  });
}

/** Ends a running run; a run already ended (say, failed by a sweep) is left as it is. */
export function finishRun({
  db,
  id,
  outcome,
}: {
  db: Db;
  id: string;
  outcome: { status: "succeeded" } | { status: "failed"; error: string };
}): Promise<void> {
  return withDbError("db:finish_run", async () => {
    await db
      .update(pipelineRuns)
      .set({
        status: outcome.status,
        error: outcome.status === "failed" ? outcome.error : null,
        finishedAt: sql`now()`,
      })
      .where(and(eq(pipelineRuns.id, id), eq(pipelineRuns.status, "running")));
  });
}

/**
 * Fails every running run whose heartbeat is older than `staleAfterMs`, whichever server
 * started it: a live server refreshes its runs' heartbeats far more often than that, so only
 * the runs of a server that died match. Returns the ids it failed.
 */
export function failOrphanedRuns({ db, staleAfterMs }: { db: Db; staleAfterMs: number }): Promise<string[]> {
  return withDbError("db:fail_orphaned_runs", async () => {
    const rows = await db
      .update(pipelineRuns)
      .set({ status: "failed", error: ORPHANED_RUN_ERROR, finishedAt: sql`now()` })
      .where(
        and(
          eq(pipelineRuns.status, "running"),
          lt(pipelineRuns.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
        ),
      )
      .returning({ id: pipelineRuns.id });
    return rows.map((row) => row.id);
  });
}

export function getRunById({ db, id }: { db: Db; id: string }): Promise<PipelineRun | undefined> {
  return withDbError("db:get_run", async () => {
    const [row] = await db.select().from(pipelineRuns).where(eq(pipelineRuns.id, id));
    return row;
  });
}

/** The latest runs, newest first. */
export function listRecentRuns({ db, limit }: { db: Db; limit: number }): Promise<PipelineRun[]> {
  return withDbError("db:list_runs", () =>
    db.select().from(pipelineRuns).orderBy(desc(pipelineRuns.startedAt)).limit(limit),
  );
}

/** How many runs `userId` has running now (a heartbeat newer than `since`; older ones belong to dead servers). */
export function countLiveRunsOfUser({ db, userId, since }: { db: Db; userId: string; since: Date }): Promise<number> {
  return withDbError("db:count_live_runs", async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(pipelineRuns)
      .where(
        and(eq(pipelineRuns.userId, userId), eq(pipelineRuns.status, "running"), gt(pipelineRuns.heartbeatAt, since)),
      );
    return row?.n ?? 0;
  });
}
