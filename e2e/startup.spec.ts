import path from "node:path";
import { expect, test } from "@playwright/test";
import { runAppUntilExit } from "./fixtures/app-server";

test("a bad configuration value stops the server with a sentence naming the variable", async () => {
  const { code, stderr } = await runAppUntilExit({
    port: 3313,
    env: { DATABASE_URL: "mysql://localhost/probe", PROBE_DATA_DIR: path.resolve(".test-data", "bad-config") },
  });
  expect(code).toBe(1);
  expect(stderr).toContain(
    'DATABASE_URL must be a URL starting with postgres:// or postgresql:// (got "mysql://localhost/probe").',
  );
});

test("the health endpoint reports the database in use and applied migrations", async ({ request }) => {
  // playwright.config.ts points the server at PROBE_E2E_DATABASE_URL when set, else at PGlite.
  const kind = process.env.PROBE_E2E_DATABASE_URL ? "postgres" : "pglite";
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.database).toEqual({ kind });
  expect(body.migrations.upToDate).toBe(true);
  expect(body.migrations.applied).toBe(body.migrations.expected);
});
