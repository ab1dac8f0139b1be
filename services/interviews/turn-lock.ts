import type pg from "pg";
import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";

/** The first key of every interview's advisory lock ("PROB"), so other users of two-key locks never collide. */
const TURN_LOCK_NAMESPACE = 0x50524f42;

/** How long a turn waits for another server's turn on the same interview before it gives up with a 409. */
export const TURN_LOCK_TIMEOUT_MS = 30_000;

/** Each database handle's running turns by interview: one handle per process, so per server. */
const localByDatabase = new WeakMap<Database, Map<string, Promise<unknown>>>();

/** Runs `work` for one interview at a time in this process: cheap ordering before the database lock. */
async function withLocalLock<T>(database: Database, interviewId: string, work: () => Promise<T>): Promise<T> {
  let local = localByDatabase.get(database);
  if (!local) {
    local = new Map();
    localByDatabase.set(database, local);
  }
  const previous = local.get(interviewId) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(work);
  local.set(interviewId, run);
  try {
    return await run;
  } finally {
    if (local.get(interviewId) === run) local.delete(interviewId);
  }
}

/**
 * Connections a process may hold for turn locks: half the pool, so the queries of the turns that
 * hold them always find a free connection.
 */
class LockSlots {
  private readonly waiting: Array<() => void> = [];

  constructor(private free: number) {}

  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

const slotsByDatabase = new WeakMap<Database, LockSlots>();

function slotsFor(database: Database): LockSlots {
  let slots = slotsByDatabase.get(database);
  if (!slots) {
    slots = new LockSlots(Math.max(1, Math.floor((database.pool.options.max ?? 10) / 2)));
    slotsByDatabase.set(database, slots);
  }
  return slots;
}

function isLockTimeout(error: unknown): boolean {
  return (error as { code?: unknown }).code === "55P03";
}

async function lockInterview(client: pg.PoolClient, interviewId: string, timeoutMs: number): Promise<void> {
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [TURN_LOCK_NAMESPACE, interviewId]);
  } catch (error) {
    if (!isLockTimeout(error)) throw error;
    throw new AppError(
      "conflict:turn_busy",
      "The interviewer is still answering another message in this interview; send yours again in a moment.",
    );
  } finally {
    await client.query("RESET lock_timeout");
  }
}

/** Holds the interview's advisory lock on a dedicated connection while `work` runs. */
async function withDatabaseLock<T>(
  database: Database,
  interviewId: string,
  work: () => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const slots = slotsFor(database);
  await slots.acquire();
  let client: pg.PoolClient | undefined;
  // A connection left in doubt is destroyed on release, which drops any lock it still holds.
  let broken: Error | undefined;
  try {
    client = await database.pool.connect();
    const locked = client;
    await lockInterview(locked, interviewId, timeoutMs).catch((error: Error) => {
      if (!(error instanceof AppError)) broken = error;
      throw error;
    });
    try {
      return await work();
    } finally {
      await locked
        .query("SELECT pg_advisory_unlock($1, hashtext($2))", [TURN_LOCK_NAMESPACE, interviewId])
        .catch((error: Error) => {
          broken = error;
        });
    }
  } finally {
    client?.release(broken);
    slots.release();
  }
}

/**
 * Runs `work` as the only turn of this interview, across every server on this database: first
 * in this process, then under a Postgres advisory lock, so a message sent through another server
 * waits and `work` (which reads the interview's state afresh) sees its reply. Waiting longer
 * than `timeoutMs` for another server is a `conflict:turn_busy` AppError (409), safe to retry.
 * PGlite has one process by construction, so the process lock is enough there.
 */
export function withTurnLock<T>(
  database: Database,
  interviewId: string,
  work: () => Promise<T>,
  timeoutMs = TURN_LOCK_TIMEOUT_MS,
): Promise<T> {
  if (database.kind === "pglite") return withLocalLock(database, interviewId, work);
  return withLocalLock(database, interviewId, () => withDatabaseLock(database, interviewId, work, timeoutMs));
}
