import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const DATABASE_TESTS: string[] = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "database-tests.json"), "utf8"),
);
/** What a test file calls when it opens a database through the backend the project chose. */
const OPENS_A_DATABASE = /\b(openTestDatabase|createReopenableTestDatabase|startServerDatabase)\(/;

function testFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ["node_modules", ".next", "e2e", ".git"].includes(entry.name) ? [] : testFiles(relative);
    return entry.name.endsWith(".test.ts") && !entry.name.endsWith(".two-servers.test.ts") ? [relative] : [];
  });
}

describe("the database test list", () => {
  it("names every test file that opens a database, so each runs on PGlite and on Postgres", () => {
    const opening = ["db", "lib", "services", "agents", "scripts", "bench"]
      .flatMap(testFiles)
      .filter((file) => !file.startsWith(path.join("db", "testing")))
      .filter((file) => OPENS_A_DATABASE.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(opening.length).toBeGreaterThan(5);
    expect([...opening].sort()).toEqual([...DATABASE_TESTS].sort());
  });
});
