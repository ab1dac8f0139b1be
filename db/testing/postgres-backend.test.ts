import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../client";
import { runMigrations } from "../migrate";
import { createServerDatabase, type ServerDatabase } from "./postgres-database";
import { POSTGRES_NOT_CONFIGURED, testBackend } from "./test-database";

const serverUrl = process.env.PROBE_TEST_DATABASE_URL;
const configured = testBackend() === "postgres" && Boolean(serverUrl);
if (!configured) console.warn(POSTGRES_NOT_CONFIGURED);

// Everything else in the postgres project runs the PGlite tests again; this checks the server they ran on.
describe.skipIf(!configured)("the real Postgres backend", () => {
  let server: ServerDatabase;
  let database: Database;

  beforeAll(async () => {
    server = await createServerDatabase(serverUrl as string);
    database = await openDatabase({ kind: "postgres", url: server.url });
  });
  afterAll(async () => {
    await database.close();
    await server.stop();
  });

  it("is Postgres 15 or newer with pgvector 0.8 or newer", async () => {
    await runMigrations(database);
    const version = await database.pool.query<{ v: number }>("SELECT current_setting('server_version_num')::int AS v");
    expect(version.rows[0]?.v).toBeGreaterThanOrEqual(150_000);
    const vector = await database.pool.query<{ v: string }>(
      "SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'",
    );
    const [major = 0, minor = 0] = (vector.rows[0]?.v ?? "0.0").split(".").map(Number);
    expect(major * 100 + minor).toBeGreaterThanOrEqual(8);
  });

  it("drops a test database when it is closed", async () => {
    const scratch = await createServerDatabase(serverUrl as string);
    const name = new URL(scratch.url).pathname.slice(1);
    await scratch.stop();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const left = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });
});
