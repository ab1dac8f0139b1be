import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "**/*.int.test.ts"],
    environment: "node",
    // PGlite start-up takes a few seconds on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // No test reaches the real model hub; tests of fetching start their own hub on 127.0.0.1.
    env: { ALLOW_REMOTE_MODELS: "false" },
  },
});
