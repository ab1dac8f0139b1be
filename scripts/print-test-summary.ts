/**
 * Prints one closing line, "Tests: N passed, N failed, N skipped", from the JSON reports of
 * vitest and of each Playwright run (PGlite, and real Postgres when configured), so that CI reads
 * a single count for the whole suite.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number().default(0),
});
const playwrightReport = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
});

function read(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

// Each file is a vitest or a Playwright report; which one is told by its shape.
const files = process.argv.slice(2);
const unitFiles = files.filter((file) => vitestReport.safeParse(read(file)).success);
const e2eFiles = files.filter((file) => !unitFiles.includes(file));
if (unitFiles.length === 0 || e2eFiles.length === 0) {
  console.error("Usage: print-test-summary VITEST_JSON [VITEST_JSON...] PLAYWRIGHT_JSON [PLAYWRIGHT_JSON...]");
  process.exit(2);
}
const unit = unitFiles
  .map((file) => vitestReport.parse(read(file)))
  .reduce((sum, r) => ({
    numPassedTests: sum.numPassedTests + r.numPassedTests,
    numFailedTests: sum.numFailedTests + r.numFailedTests,
    numPendingTests: sum.numPendingTests + r.numPendingTests,
    numTodoTests: sum.numTodoTests + r.numTodoTests,
  }));
const e2e = e2eFiles
  .map((file) => playwrightReport.parse(read(file)).stats)
  .reduce((sum, stats) => ({
    expected: sum.expected + stats.expected,
    unexpected: sum.unexpected + stats.unexpected,
    flaky: sum.flaky + stats.flaky,
    skipped: sum.skipped + stats.skipped,
  }));
const passed = unit.numPassedTests + e2e.expected + e2e.flaky;
const failed = unit.numFailedTests + e2e.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(
  `\nunit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed; browser (${e2eFiles.length} run${e2eFiles.length > 1 ? "s" : ""}): ${e2e.expected} passed, ${e2e.unexpected} failed`,
);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
