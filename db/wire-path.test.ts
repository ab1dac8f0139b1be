import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client";
import { getMigrationStatus, runMigrations } from "./migrate";
import { createInterview, getInterviewById } from "./queries/interviews";
import type { ServerDatabase } from "./testing/postgres-database";
import { startServerDatabase } from "./testing/test-database";

// The DATABASE_URL path: the real `pg` driver over TCP, against PGlite's wire-protocol server
// (or, in the postgres project, a fresh database on a real server).
let server: ServerDatabase;
let database: Database;

beforeAll(async () => {
  server = await startServerDatabase();
  database = await openDatabase({ kind: "postgres", url: server.url });
});

afterAll(async () => {
  await database.close();
  await server.stop();
});

describe("Postgres over the wire", () => {
  it("migrates, reports migrations, and round-trips rows through pg", async () => {
    expect(database.kind).toBe("postgres");
    await runMigrations(database);
    await runMigrations(database);
    expect((await getMigrationStatus(database)).upToDate).toBe(true);
    const interview = await createInterview({
      db: database.db,
      values: { scenarioId: "video-recommendation", level: "senior", currentStep: "clarify-requirements" },
    });
    expect((await getInterviewById({ db: database.db, id: interview.id }))?.level).toBe("senior");
  });

  it("stores and orders vectors by cosine distance", async () => {
    await database.pool.query("CREATE TEMP TABLE v (id int, e vector(3))");
    await database.pool.query("INSERT INTO v VALUES (1, '[1,0,0]'), (2, '[0,1,0]'), (3, '[0.9,0.1,0]')");
    const result = await database.pool.query<{ id: number }>("SELECT id FROM v ORDER BY e <=> '[1,0,0]' LIMIT 2");
    expect(result.rows.map((r) => r.id)).toEqual([1, 3]);
  });
});
