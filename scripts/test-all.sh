#!/usr/bin/env bash
# `npm test`: the whole suite, in the order that fails fastest, then one closing count line.
set -euo pipefail
cd "$(dirname "$0")/.."
results=.test-results
rm -rf "$results" && mkdir -p "$results"

step() { echo; echo "=== $1"; }

step "lint (biome)";        npm run --silent lint
step "typecheck (tsc)";     npm run --silent typecheck
step "scenario library";    npm run --silent scenarios:check
step "unit tests (vitest)"; npx vitest run --reporter=default --reporter=json --outputFile.json="$results/unit.json"
step "build (next)";        npm run --silent build
step "browser tests (playwright + chromium)"
bash scripts/ensure-chromium.sh
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json
npx tsx scripts/print-test-summary.ts "$results/unit.json" "$results/e2e.json"
