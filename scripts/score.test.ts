import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "./testing/run-script";

const score = (...args: string[]) => runScript("scripts/score.ts", args);

describe("npm run score", () => {
  it("prints a score report with all seven steps as JSON", () => {
    const { status, stdout } = score("bench/scoring/rag-assistant-strong.json", "--json", "--no-citations");
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.scenarioId).toBe("rag-assistant");
    expect(report.steps).toHaveLength(7);
    expect(report.overall).toBeGreaterThan(60);
  });

  it("prints a table without --json", () => {
    const { status, stdout } = score("bench/scoring/rag-assistant-weak.json", "--no-citations");
    expect(status).toBe(0);
    expect(stdout).toMatch(/^rag-assistant at senior level: overall \d+\/100/);
    expect(stdout).toContain("Monitoring and infrastructure");
  });

  it("credits a rubric item from the transcript's diagram, quoting the label", () => {
    const file = path.join(tmpdir(), `probe-${process.pid}-diagram.json`);
    writeFileSync(
      file,
      JSON.stringify({
        scenarioId: "video-recommendation",
        turns: [
          { role: "interviewer", step: "model-development", content: "Which models would you use?" },
          { role: "candidate", step: "model-development", content: "I would keep it simple at first." },
        ],
        diagram: 'flowchart TD\n  R["Retrieval: two-tower ANN"] --> K["Ranking: multi-task DNN (watch time, like)"]',
      }),
    );
    const { status, stdout } = score(file, "--json", "--no-citations");
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    const model = report.steps.find((s: { step: string }) => s.step === "model-development");
    expect(model.covered).toContainEqual(
      expect.objectContaining({ source: "diagram", quote: "diagram: Ranking: multi-task DNN (watch time, like)" }),
    );
  });

  it.each([
    ["missing.json", "", "Cannot read missing.json (ENOENT)."],
    ["bad.json", "{ not json", "is not valid JSON"],
    [
      "wrong.json",
      JSON.stringify({ scenarioId: "video-recommendation", turns: [{ role: "boss", content: "x" }] }),
      "turns.0.role",
    ],
    [
      "bad-diagram.json",
      JSON.stringify({
        scenarioId: "video-recommendation",
        turns: [{ role: "candidate", content: "A two-tower retrieval stage." }],
        diagram: "flowchart TD\n  A[Retrieval] --> B[Ranking]\n  B --> C((",
      }),
      "The transcript's diagram is not a Mermaid flowchart: Line 3",
    ],
  ])("exits 2 with one sentence for %s", (name, content, sentence) => {
    const file = name === "missing.json" ? name : path.join(tmpdir(), `probe-${process.pid}-${name}`);
    if (content) writeFileSync(file, content);
    const { status, stderr, stdout } = score(file, "--no-citations");
    expect(status).toBe(2);
    expect(stderr).toContain(sentence);
    expect(stdout).toBe("");
  });
});
