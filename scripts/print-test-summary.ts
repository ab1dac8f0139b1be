/**
 * Prints one closing line, "Tests: N passed, N failed, N skipped", from the JSON reports of
 * vitest and Playwright, so that CI reads a single count for the whole suite.
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

const [unitFile, e2eFile] = process.argv.slice(2);
if (!unitFile || !e2eFile) {
  console.error("Usage: print-test-summary UNIT_JSON E2E_JSON");
  process.exit(2);
}
const unit = vitestReport.parse(read(unitFile));
const e2e = playwrightReport.parse(read(e2eFile)).stats;
const passed = unit.numPassedTests + e2e.expected + e2e.flaky;
const failed = unit.numFailedTests + e2e.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.skipped;
console.log(
  `\nunit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed; browser: ${e2e.expected} passed, ${e2e.unexpected} failed`,
);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
