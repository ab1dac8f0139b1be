import { readFileSync } from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type pg from "pg";
import type { Database } from "./client";

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

/** The advisory lock key that schema changes hold, so servers starting together take turns. */
export const SCHEMA_LOCK_KEY = 7_262_011_330_551_401n;

/**
 * Runs `work` while this database's schema lock is held on a dedicated connection, which is
 * returned so `work` may use it. Several servers starting at once on an empty database would
 * otherwise race in `CREATE EXTENSION` and `CREATE TYPE`. PGlite has one connection and one
 * opener per data directory, so nothing can race there and `work` runs on the pool.
 */
export async function withSchemaLock<T>(
  database: Database,
  work: (client: pg.Pool | pg.PoolClient) => Promise<T>,
): Promise<T> {
  if (database.kind === "pglite") return work(database.pool);
  const client = await database.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("SELECT pg_advisory_lock($1::bigint)", [SCHEMA_LOCK_KEY.toString()]);
    try {
      return await work(client);
    } finally {
      await client
        .query("SELECT pg_advisory_unlock($1::bigint)", [SCHEMA_LOCK_KEY.toString()])
        .catch((error: Error) => {
          // A connection that cannot unlock is destroyed below, which releases the lock too.
          broken = error;
        });
    }
  } finally {
    client.release(broken);
  }
}

/** Creates the `vector` extension (generated migrations do not), then applies pending migrations. */
export async function runMigrations(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  await withSchemaLock(database, async (client) => {
    await client.query("CREATE EXTENSION IF NOT EXISTS vector");
    // On the locked connection itself, so the lock needs no second connection from the pool.
    await migrate(drizzle(client), { migrationsFolder });
  });
}

export interface MigrationStatus {
  expected: number;
  applied: number;
  upToDate: boolean;
}

/** Compares the committed journal with the migrations recorded in the database. */
export async function getMigrationStatus(
  database: Database,
  migrationsFolder = MIGRATIONS_DIR,
): Promise<MigrationStatus> {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const expected = journal.entries.length;
  let applied = 0;
  try {
    const result = await database.pool.query<{ count: string }>(
      "SELECT count(*)::text AS count FROM drizzle.__drizzle_migrations",
    );
    applied = Number(result.rows[0]?.count ?? 0);
  } catch {
    // The table does not exist until the first migration has run.
    applied = 0;
  }
  return { expected, applied, upToDate: applied >= expected };
}
