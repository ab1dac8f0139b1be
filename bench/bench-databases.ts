/**
 * Which databases a benchmark runs on (`--database=pglite|postgres|both`), and a fresh one of
 * each for a measurement: PGlite in a temporary directory, or a database with a random name
 * created on the server PROBE_BENCH_DATABASE_URL points at and dropped afterwards (also when the
 * measurement fails or the run is interrupted). Both are migrated and seeded as the app does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { type Database, openDatabase } from "@/db/client";
import { runMigrations, withSchemaLock } from "@/db/migrate";
import { createServerDatabase } from "@/db/testing/postgres-database";
import { UsageError } from "@/lib/cli/usage-error";
import type { Embedder } from "@/lib/embeddings/types";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { seedLibrary } from "@/lib/seed/seed-library";

export const BENCH_DATABASE_URL_ENV = "PROBE_BENCH_DATABASE_URL";

export type BenchDatabaseKind = "pglite" | "postgres";

const databaseOptionSchema = z.enum(["pglite", "postgres", "both"]);

/** What `--database` selected: the kinds in the order they run, and the Postgres server if any. */
export interface BenchDatabases {
  kinds: BenchDatabaseKind[];
  serverUrl: string | null;
  /** A line to print when Postgres was left out only because no server was given. */
  note: string | null;
}

/**
 * Reads `--database`'s value. Without one: both when PROBE_BENCH_DATABASE_URL is set, else
 * PGlite alone with a note saying how to add Postgres. Bad input throws a UsageError (exit 2).
 */
export function selectBenchDatabases(
  value: string | undefined,
  env: Record<string, string | undefined> = process.env,
): BenchDatabases {
  const serverUrl = env[BENCH_DATABASE_URL_ENV]?.trim() || null;
  const notUrl = serverUrl && !URL.canParse(serverUrl);
  if (value === undefined) {
    if (notUrl) throw new UsageError(`${BENCH_DATABASE_URL_ENV} is not a URL.`);
    return serverUrl
      ? { kinds: ["pglite", "postgres"], serverUrl, note: null }
      : {
          kinds: ["pglite"],
          serverUrl: null,
          note: `Measuring PGlite only: set ${BENCH_DATABASE_URL_ENV} to a Postgres server URL whose user may CREATE DATABASE to measure Postgres beside it (e.g. ${BENCH_DATABASE_URL_ENV}=$(bash scripts/postgres/start-test-postgres.sh)).`,
        };
  }
  const parsed = databaseOptionSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--database must be pglite, postgres or both (got "${value}").`);
  if (parsed.data === "pglite") return { kinds: ["pglite"], serverUrl: null, note: null };
  if (!serverUrl)
    throw new UsageError(
      `--database=${parsed.data} needs ${BENCH_DATABASE_URL_ENV}: a Postgres server URL whose user may CREATE DATABASE.`,
    );
  if (notUrl) throw new UsageError(`${BENCH_DATABASE_URL_ENV} is not a URL.`);
  return { kinds: parsed.data === "both" ? ["pglite", "postgres"] : ["postgres"], serverUrl, note: null };
}

/** The `parseArgs` option for `--database`. */
export const DATABASE_ARG = { database: { type: "string" } } as const;

export const DATABASE_USAGE = "[--database pglite|postgres|both]";

/** Removals still to run if the process is interrupted: each drops a database or a directory. */
const pending = new Set<() => Promise<void>>();
let handlersInstalled = false;

function installInterruptHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: removing the benchmark's databases`);
      void Promise.allSettled([...pending].map((remove) => remove())).then(() => process.exit(130));
    });
  }
}

/** A fresh, empty, unmigrated database of `kind`, and how to remove it. */
async function createFresh(
  kind: BenchDatabaseKind,
  serverUrl: string | null,
): Promise<{ open: () => Promise<Database>; remove: () => Promise<void> }> {
  if (kind === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "probe-bench-"));
    return {
      open: () => openDatabase({ kind: "pglite", dataDir }),
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!serverUrl) throw new UsageError(`Postgres needs ${BENCH_DATABASE_URL_ENV}.`);
  const server = await createServerDatabase(serverUrl);
  return { open: () => openDatabase({ kind: "postgres", url: server.url }), remove: server.stop };
}

/**
 * Runs `work` on a fresh database of `kind` (opened, not yet migrated), then closes it and
 * removes it, whether `work` succeeded or not.
 */
export async function withBenchDatabase<T>(
  kind: BenchDatabaseKind,
  serverUrl: string | null,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  installInterruptHandlers();
  const fresh = await createFresh(kind, serverUrl);
  pending.add(fresh.remove);
  try {
    const database = await fresh.open();
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    pending.delete(fresh.remove);
    await fresh.remove();
  }
}

/**
 * Migrates and seeds as the app's start does (services/database.ts): migrations, then the
 * library under the schema lock.
 */
export async function migrateAndSeed(database: Database, library: ScenarioLibrary, embedder: Embedder) {
  await runMigrations(database);
  return withSchemaLock(database, () => seedLibrary({ db: database.db, library, embedder }));
}

/** What the database is, for the report: "PGlite" or the server's version line, shortened. */
export async function describeDatabase(database: Database): Promise<string> {
  const { rows } = await database.pool.query<{ version: string }>("SELECT version() AS version");
  const version = rows[0]?.version ?? "unknown";
  const short = /^PostgreSQL [\d.]+/.exec(version)?.[0] ?? version;
  return database.kind === "pglite" ? `PGlite (${short})` : short;
}
