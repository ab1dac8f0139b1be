import { readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";

/** The test files that open a database: they run on PGlite and again on a real Postgres (a test checks the list). */
const DATABASE_TESTS: string[] = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "db/testing/database-tests.json"), "utf8"),
);

/** Checks the server itself; without PROBE_TEST_DATABASE_URL it is the one test that reports as skipped. */
const POSTGRES_BACKEND_TEST = "db/testing/postgres-backend.test.ts";
/** Tests of `next start` processes of the built app: several servers on one Postgres, and the crash suite. */
const SERVERS_TESTS = ["**/*.two-servers.test.ts", "**/*.servers.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    exclude: ["node_modules/**", "e2e/**", ".next/**", "**/*.int.test.ts"],
    environment: "node",
    // PGlite start-up takes a few seconds on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // No test reaches the real model hub; tests of fetching start their own hub on 127.0.0.1.
    env: { ALLOW_REMOTE_MODELS: "false" },
    projects: [
      {
        extends: true,
        test: { name: "pglite", include: ["**/*.test.ts"], exclude: [POSTGRES_BACKEND_TEST, ...SERVERS_TESTS] },
      },
      {
        extends: true,
        // Several `next start` processes of the built app on one Postgres: run after `npm run build`.
        test: { name: "servers", include: SERVERS_TESTS },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          // Without a server only the backend check is collected, and it reports itself skipped.
          include: process.env.PROBE_TEST_DATABASE_URL
            ? [POSTGRES_BACKEND_TEST, ...DATABASE_TESTS]
            : [POSTGRES_BACKEND_TEST],
          env: { PROBE_TEST_BACKEND: "postgres" },
        },
      },
    ],
  },
});
