import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./client";

export const MIGRATIONS_DIR = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

/** Creates the `vector` extension (generated migrations do not), then applies pending migrations. */
export async function runMigrations(database: Database, migrationsFolder = MIGRATIONS_DIR): Promise<void> {
  await database.pool.query("CREATE EXTENSION IF NOT EXISTS vector");
  await migrate(database.db, { migrationsFolder });
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
