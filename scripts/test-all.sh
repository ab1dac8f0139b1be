#!/usr/bin/env bash
# `npm test`: the whole suite, in the order that fails fastest, then one closing count line.
# With PROBE_TEST_DATABASE_URL set (see README: Running on a real Postgres), the database-facing
# unit tests and the browser suite run a second time on that Postgres server.
set -euo pipefail
cd "$(dirname "$0")/.."
results=.test-results
rm -rf "$results" && mkdir -p "$results"

step() { echo; echo "=== $1"; }

if [ -n "${PROBE_TEST_DATABASE_URL:-}" ]; then
  projects=(--project pglite --project postgres)
else
  projects=(--project pglite)
  echo "Postgres tests did not run: PROBE_TEST_DATABASE_URL is not set (see README: Running on a real Postgres)"
fi

step "lint (biome)";        npm run --silent lint
step "typecheck (tsc)";     npm run --silent typecheck
step "scenario library";    npm run --silent scenarios:check
step "unit tests (vitest: ${projects[*]})"
npx vitest run "${projects[@]}" --reporter=default --reporter=json --outputFile.json="$results/unit.json"
step "build (next)";        npm run --silent build
step "browser tests (playwright + chromium, PGlite)"
bash scripts/ensure-chromium.sh
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json
e2e_reports=("$results/e2e.json")
unit_reports=("$results/unit.json")

if [ -n "${PROBE_TEST_DATABASE_URL:-}" ]; then
  step "browser tests (playwright + chromium, real Postgres)"
  e2e_url=$(npx tsx scripts/postgres/e2e-database.ts create)
  trap 'npx tsx scripts/postgres/e2e-database.ts drop "$e2e_url"' EXIT
  # Presentation-only specs run once (playwright.config.ts); the fuzzer's 1,000 cases a route ran
  # on PGlite, so Postgres (which alone rejects NUL) gets 250 more on another seed.
  PROBE_E2E_DATABASE_URL="$e2e_url" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e-postgres.json" \
    FUZZ_CASES=250 FUZZ_SEED=20261206 npx playwright test --reporter=list,json
  e2e_reports+=("$results/e2e-postgres.json")
  step "several app servers on one Postgres (vitest: servers)"
  npx vitest run --project servers --reporter=default --reporter=json --outputFile.json="$results/servers.json"
  unit_reports+=("$results/servers.json")
fi

npx tsx scripts/print-test-summary.ts "${unit_reports[@]}" "${e2e_reports[@]}"
