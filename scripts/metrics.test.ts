import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "./testing/run-script";

// runScript spawns node_modules/.bin/tsx on the script, as `npm run metrics` does.
const dir = mkdtempSync(path.join(tmpdir(), "probe-metrics-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const metrics = (...args: string[]) => runScript("scripts/metrics.ts", args);

const classificationFile = csv("classification.csv", "label,score\r\n0,0.1\r\n0,0.4\r\n1,0.35\r\n1,0.8\r\n");
// q1 ranks rel 0, 3, 1, 2; q2 is all zero (see lib/metrics/ranking.test.ts for the hand-worked values).
const rankingFile = csv(
  "ranking.csv",
  "query_id,relevance,score\nq1,3,0.8\nq2,0,0.4\nq1,0,0.9\nq1,1,0.6\nq2,0,0.2\nq1,2,0.3\n",
);

describe("npm run metrics", () => {
  it("prints the classification contract as JSON", () => {
    const { status, stdout } = metrics("classification", classificationFile, "--json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as Record<string, number>;
    expect(Object.keys(result)).toEqual([
      "rocAuc",
      "averagePrecision",
      "logLoss",
      "normalizedEntropy",
      "calibrationRatio",
      "n",
      "positives",
    ]);
    expect(result.rocAuc).toBe(0.75);
    expect(result.averagePrecision).toBeCloseTo(5 / 6, 12);
    expect(result).toMatchObject({ n: 4, positives: 2, calibrationRatio: 0.825 });
  });

  it("prints the ranking contract as JSON, with --k", () => {
    const { status, stdout } = metrics("ranking", rankingFile, "--k", "3,5", "--json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { ndcg: Record<string, number>; recall: Record<string, number> };
    expect(Object.keys(result)).toEqual(["ndcg", "mrr", "recall", "queries"]);
    // NDCG@3: (0.5234343216 + 0) / 2; MRR (1/2 + 0) / 2; recall@3 (2/3 + 0) / 2.
    expect(result.ndcg["3"]).toBeCloseTo(0.5234343216411389 / 2, 12);
    expect(result).toMatchObject({ mrr: 0.25, queries: 2 });
    expect(result.recall["3"]).toBeCloseTo(1 / 3, 12);
    expect(Object.keys(result.recall)).toEqual(["3", "5"]);
  });

  it("defaults to k = 5, 10 and prints readable tables without --json", () => {
    const ranking = metrics("ranking", rankingFile);
    expect(ranking.status).toBe(0);
    expect(ranking.stdout).toMatch(/^k\s+NDCG@k\s+recall@k\n/);
    expect(ranking.stdout).toMatch(/^10\s+0\.330495\s+0\.500000$/m);
    expect(ranking.stdout).toContain("MRR 0.250000 over 2 queries");
    const classification = metrics("classification", classificationFile);
    expect(classification.status).toBe(0);
    expect(classification.stdout).toMatch(/^metric\s+value\n/);
    expect(classification.stdout).toMatch(/^ROC-AUC\s+0\.750000$/m);
    expect(classification.stdout).toMatch(/^average precision\s+0\.833333$/m);
  });

  it.each([
    [
      ["classification", csv("bad-label.csv", "label,score\n0,0.1\n2,0.3\n")],
      "bad-label.csv line 3: label must be 0 or 1",
    ],
    [
      ["classification", csv("one-class.csv", "label,score\n1,0.1\n1,0.3\n")],
      "ROC-AUC is undefined with a single class",
    ],
    [
      ["ranking", csv("quoted.csv", 'query_id,relevance,score\n"q1",1,0.5\n')],
      "line 2: quoted fields are not supported",
    ],
    [["classification", path.join(dir, "missing.csv")], "Cannot read"],
    [["ranking", rankingFile, "--k", "0,5"], "--k must be whole numbers >= 1"],
    [["classification", classificationFile, "--k", "5"], "--k applies only to ranking"],
    [["regression", classificationFile], "Give the task (classification or ranking)"],
    [["classification", classificationFile, "--bogus"], "Unknown option '--bogus'; usage:"],
  ])("exits 2 with one sentence on bad input %#", (args, sentence) => {
    const { status, stderr, stdout } = metrics(...args);
    expect(status).toBe(2);
    expect(stderr).toContain(sentence);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stdout).toBe("");
  });
});
