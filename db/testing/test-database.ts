import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { type Database, openDatabase } from "../client";
import { runMigrations } from "../migrate";

/** A migrated in-memory PGlite database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
  await runMigrations(database);
  return database;
}

/** PGlite served over the Postgres wire protocol on 127.0.0.1, to test the `pg` driver path. */
export async function startWireServer(): Promise<{ url: string; stop: () => Promise<void> }> {
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
