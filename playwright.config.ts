import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, E2E_DATA_DIR, E2E_PORT } from "./e2e/fixtures/environment";

// The servers the specs start themselves inherit this; none of them may reach the model hub.
process.env.ALLOW_REMOTE_MODELS ??= "false";

/**
 * Specs about presentation only (accessibility, layout at each width, response headers): the
 * pages they read render the same whatever database answers, so the second pass on Postgres
 * (scripts/test-all.sh) leaves them out to keep CI short. Everything that writes or reads
 * data still runs on both.
 */
const PRESENTATION_ONLY = [
  "**/accessibility.spec.ts",
  "**/chat-layout.spec.ts",
  "**/phone-layout.spec.ts",
  "**/security-headers.spec.ts",
];
const postgresUrl = process.env.PROBE_E2E_DATABASE_URL;
const onPostgres = Boolean(postgresUrl);

export default defineConfig({
  testDir: "./e2e",
  testMatch: "**/*.spec.ts",
  testIgnore: onPostgres ? PRESENTATION_ONLY : [],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  globalTeardown: path.resolve(import.meta.dirname, "e2e/fixtures/global-teardown.ts"),
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  webServer: {
    // A fresh database every run: the data directory is removed before the server opens it.
    command: `rm -rf "${E2E_DATA_DIR}" && exec node_modules/.bin/next start -H 127.0.0.1 -p ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // PROBE_E2E_DATABASE_URL (a fresh database that scripts/test-all.sh creates) runs the suite
    // against a real Postgres; without it the server uses embedded PGlite.
    env: {
      ...(postgresUrl ? { DATABASE_URL: postgresUrl } : { PROBE_DATA_DIR: E2E_DATA_DIR }),
      LOG_LEVEL: "warn",
      ALLOW_REMOTE_MODELS: "false",
    },
  },
});
