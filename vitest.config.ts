import path from "node:path";
import { defineConfig } from "vitest/config";

/** The test files that open a database: they run on PGlite and again on a real Postgres. */
const DATABASE_TESTS = [
  "services/interviews/conversation.test.ts",
  "services/interviews/llm-mode.test.ts",
  "services/interviews/interview-service.test.ts",
  "db/queries/interview-events.test.ts",
  "db/queries/pipeline-runs.test.ts",
  "services/events/interview-event-bus.test.ts",
  "db/queries/queries.test.ts",
  "db/queries/search.test.ts",
  "db/queries/shares.test.ts",
  "db/wire-path.test.ts",
  "lib/search/lexical-index-cache.test.ts",
  "lib/search/rank-lexically.test.ts",
  "lib/search/search-grounding.test.ts",
  "lib/seed/seed-library.test.ts",
  "services/pipeline-runs.test.ts",
];
/** Checks the server itself; without PROBE_TEST_DATABASE_URL it is the one test that reports as skipped. */
const POSTGRES_BACKEND_TEST = "db/testing/postgres-backend.test.ts";
const SERVERS_TESTS = "**/*.two-servers.test.ts";

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
        test: { name: "pglite", include: ["**/*.test.ts"], exclude: [POSTGRES_BACKEND_TEST, SERVERS_TESTS] },
      },
      {
        extends: true,
        // Several `next start` processes of the built app on one Postgres: run after `npm run build`.
        test: { name: "servers", include: [SERVERS_TESTS] },
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
