import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "./testing/run-script";

const dataDir = mkdtempSync(path.join(tmpdir(), "probe-search-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const search = (...args: string[]) => runScript("scripts/search.ts", args, { PROBE_DATA_DIR: dataDir });

describe("npm run search", () => {
  it("prints the JSON contract of docs/cli-contracts.md with --json", () => {
    const { status, stdout } = search("negative downsampling and recalibration", "--k", "3", "--json");
    expect(status).toBe(0);
    const results = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["chunkId", "scenarioId", "score", "step", "text", "title"]);
    }
    const scores = results.map((r) => r.score as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("prints a readable table without --json, filtered by scenario", () => {
    const { status, stdout } = search("label delay from chargebacks", "--scenario", "fraud-detection");
    expect(status).toBe(0);
    expect(stdout.split("\n")[0]).toMatch(/^#\s+score\s+scenario\s+step\s+title\s+chunk$/);
    expect(stdout).toContain("fraud-detection");
    expect(stdout).not.toContain("video-recommendation");
  });

  it.each([
    [[""], "The search query is empty"],
    [["x".repeat(10_000)], "longer than 2000 characters"],
    [["ranking", "--scenario", "nope"], "--scenario must be one of"],
    [["ranking", "--k", "many"], "--k must be a whole number"],
    [[], "Give exactly one query"],
  ])("exits 2 with one sentence on bad input %#", (args, sentence) => {
    const { status, stderr, stdout } = search(...args);
    expect(status).toBe(2);
    expect(stderr).toContain(sentence);
    expect(stdout).toBe("");
  });
});
