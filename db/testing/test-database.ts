import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { type Database, openDatabase } from "../client";
import { runMigrations } from "../migrate";
import { createServerDatabase, type ServerDatabase } from "./postgres-database";

export const POSTGRES_NOT_CONFIGURED =
  "Postgres tests did not run: PROBE_TEST_DATABASE_URL is not set (see README: Running on a real Postgres)";

/**
 * Which database the database-facing tests run on: PGlite, unless the vitest `postgres` project
 * sets PROBE_TEST_BACKEND=postgres (its server is PROBE_TEST_DATABASE_URL).
 */
export function testBackend(): "pglite" | "postgres" {
  return process.env.PROBE_TEST_BACKEND === "postgres" ? "postgres" : "pglite";
}

/** The server of the `postgres` backend; throws with the README's pointer when none is set. */
export function testServerUrl(): string {
  const url = process.env.PROBE_TEST_DATABASE_URL;
  if (!url) throw new Error(POSTGRES_NOT_CONFIGURED);
  return url;
}

/** A fresh database over TCP: a new database on the test server, or PGlite behind its wire server. */
export function startServerDatabase(): Promise<ServerDatabase> {
  return testBackend() === "postgres" ? createServerDatabase(testServerUrl()) : startWireServer();
}

/** A database that a test can close and open again (what a server restart does), then remove. */
export interface ReopenableTestDatabase {
  /** Opens it without migrating, as the app does before `runMigrations`. */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/** A file-backed PGlite directory, or a fresh database on the test server. */
export async function createReopenableTestDatabase(): Promise<ReopenableTestDatabase> {
  if (testBackend() === "postgres") {
    const server = await createServerDatabase(testServerUrl());
    return { open: () => openDatabase({ kind: "postgres", url: server.url }), remove: server.stop };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "probe-test-db-"));
  return {
    open: () => openDatabase({ kind: "pglite", dataDir }),
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A migrated database for one test file: in-memory PGlite, or a fresh database that close drops. */
export async function openTestDatabase(): Promise<Database> {
  if (testBackend() === "pglite") {
    const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    await runMigrations(database);
    return database;
  }
  const server = await createServerDatabase(testServerUrl());
  const database = await openDatabase({ kind: "postgres", url: server.url });
  await runMigrations(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      await server.stop();
    },
  };
}

/** PGlite served over the Postgres wire protocol on 127.0.0.1, to test the `pg` driver path. */
export async function startWireServer(): Promise<ServerDatabase> {
  const pglite = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 4 });
  await server.start();
  const conn = server.getServerConn();
  return {
    url: `postgres://postgres:postgres@${conn}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await pglite.close();
    },
  };
}
