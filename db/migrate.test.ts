import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { getMigrationStatus, runMigrations } from "./migrate";

const adminUrl = process.env.PROBE_TEST_DATABASE_URL;
if (!adminUrl) console.info("migrate.test.ts: the Postgres cases are skipped, PROBE_TEST_DATABASE_URL is unset");

describe("runMigrations on PGlite", () => {
  it("migrates an empty database, and a second run changes nothing", async () => {
    const database = await openDatabase({ kind: "pglite", dataDir: "memory://" });
    try {
      await runMigrations(database);
      await runMigrations(database);
      expect((await getMigrationStatus(database)).upToDate).toBe(true);
    } finally {
      await database.close();
    }
  });
});

const PROCESSES = 3;

/** A child process that opens the database, waits for a shared instant, then migrates. */
const CHILD = `
import { openDatabase } from ${JSON.stringify(path.resolve("db/client.ts"))};
import { runMigrations } from ${JSON.stringify(path.resolve("db/migrate.ts"))};
const database = await openDatabase({ kind: "postgres", url: process.env.MIGRATE_URL });
await database.pool.query("SELECT 1");
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(process.env.MIGRATE_AT) - Date.now())));
try {
  await runMigrations(database);
} finally {
  await database.close();
}
`;

function runChild(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn("node_modules/.bin/tsx", [script], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe.skipIf(!adminUrl)("runMigrations on Postgres", () => {
  const name = `probe_x_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl ?? "postgres://unset");
  url.pathname = `/${name}`;
  let dir: string;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    dir = mkdtempSync(path.join(tmpdir(), "probe-migrate-"));
  });

  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`lets ${PROCESSES} processes starting together on an empty database all migrate`, async () => {
    const script = path.join(dir, "migrate-child.mts");
    writeFileSync(script, CHILD);
    // Far enough ahead that every child has loaded and connected before any migrates.
    const at = String(Date.now() + 8_000);
    const results = await Promise.all(
      Array.from({ length: PROCESSES }, () => runChild(script, { MIGRATE_URL: url.toString(), MIGRATE_AT: at })),
    );
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });

    const database = await openDatabase({ kind: "postgres", url: url.toString() });
    try {
      expect((await getMigrationStatus(database)).upToDate).toBe(true);
    } finally {
      await database.close();
    }
  }, 90_000);
});
