import type { Db } from "@/db/client";
import { failOrphanedRuns, finishRun, startRun, startRunUnlessUserBusy, touchRun } from "@/db/queries/pipeline-runs";
import { getConfig } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getDatabase } from "./database";
import { getServerInstanceId } from "./instance-id";

/**
 * The orphan rule: a running run's heartbeat is refreshed every HEARTBEAT_MS by the process
 * running it, and a run whose heartbeat is older than STALE_AFTER_MS is taken to belong to a
 * server that died. Six missed beats leave a wide margin for a busy event loop, and the rule
 * never fails a run that a live server (this one or another) is still running.
 * PIPELINE_STALE_SECONDS changes the window; the heartbeat then shrinks to keep six beats in it.
 */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;

/** The configured stale window and the heartbeat that fits six beats into it. */
export function orphanRule(): { staleAfterMs: number; heartbeatMs: number } {
  const staleAfterMs = getConfig().pipelineStaleMs;
  return { staleAfterMs, heartbeatMs: Math.min(HEARTBEAT_MS, Math.max(100, Math.floor(staleAfterMs / 6))) };
}

const openDb = async () => (await getDatabase()).db;

/** The run a person already has going refuses their next one (`recordPipelineRun`'s `onePerUser`). */
export class UserRunBusyError extends Error {}

/**
 * Runs `run` and records it in the database: running, then succeeded or failed with its error.
 * Recording is best effort: a database failure is logged and never costs the caller the result.
 * With `onePerUser`, the record is made only if `userId` has no live run, in one atomic step,
 * and otherwise the run is refused with a UserRunBusyError before `run` starts.
 */
export async function recordPipelineRun<T>({
  pipeline,
  params,
  userId,
  run,
  onePerUser = false,
  getDb = openDb,
  heartbeatMs = orphanRule().heartbeatMs,
}: {
  pipeline: string;
  params: unknown;
  userId: string | null;
  run: () => Promise<T>;
  onePerUser?: boolean;
  getDb?: () => Promise<Db>;
  heartbeatMs?: number;
}): Promise<T> {
  let record: { db: Db; id: string } | undefined;
  try {
    const db = await getDb();
    const values = { pipeline, params, userId, serverInstanceId: getServerInstanceId() };
    const row =
      onePerUser && userId
        ? await startRunUnlessUserBusy({
            db,
            values: { ...values, userId },
            since: new Date(Date.now() - orphanRule().staleAfterMs),
          })
        : await startRun({ db, values });
    if (!row) throw new UserRunBusyError(`${userId} already has a ${pipeline} run going`);
    record = { db, id: row.id };
  } catch (error) {
    if (error instanceof UserRunBusyError) throw error;
    logger.error(`could not record the start of a ${pipeline} run; running it unrecorded`, error);
  }
  const heartbeat = record && setInterval(() => void beat(record), heartbeatMs);
  heartbeat?.unref();
  try {
    const result = await run();
    if (record) await finish(record, { status: "succeeded" });
    return result;
  } catch (error) {
    if (record)
      await finish(record, { status: "failed", error: error instanceof Error ? error.message : String(error) });
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

async function beat(record: { db: Db; id: string }): Promise<void> {
  await touchRun(record).catch((error) => logger.warn(`could not refresh the heartbeat of run ${record.id}`, error));
}

async function finish(record: { db: Db; id: string }, outcome: Parameters<typeof finishRun>[0]["outcome"]) {
  await finishRun({ ...record, outcome }).catch((error) =>
    logger.error(`could not record the end of run ${record.id} (${outcome.status})`, error),
  );
}

/** Fails the runs left "running" by servers that died (see the orphan rule above). */
export async function sweepOrphanedRuns(db: Db, staleAfterMs = orphanRule().staleAfterMs): Promise<string[]> {
  const failed = await failOrphanedRuns({ db, staleAfterMs });
  if (failed.length > 0) logger.warn(`marked ${failed.length} pipeline runs failed: their server stopped`);
  return failed;
}

/**
 * At start and then every heartbeat: fails orphaned runs, so a run whose server died is failed
 * within the stale window plus a beat even when no server restarts. On PGlite this process is
 * the only one that can open the data directory, so at start every run still "running" is
 * orphaned whatever its heartbeat says. Returns what stops the sweeps.
 */
export async function startOrphanSweeps(database: { db: Db; kind: "postgres" | "pglite" }): Promise<() => void> {
  const { staleAfterMs, heartbeatMs } = orphanRule();
  const sweep = (windowMs: number) =>
    sweepOrphanedRuns(database.db, windowMs).catch((error) =>
      logger.warn("could not sweep orphaned pipeline runs", error),
    );
  await sweep(database.kind === "pglite" ? 0 : staleAfterMs);
  const timer = setInterval(() => void sweep(staleAfterMs), heartbeatMs);
  timer.unref();
  return () => clearInterval(timer);
}
