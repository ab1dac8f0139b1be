import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { runScript } from "./testing/run-script";

const dir = mkdtempSync(path.join(tmpdir(), "diagram-check-"));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => runScript("scripts/diagram-check.ts", args);

const slow = write(
  "slow.mmd",
  'flowchart LR\n  C[Client] --> R["Retrieval 80 ms"]\n  R --> H["Heavy ranker 250 ms"]\n',
);

describe("npm run diagram:check", () => {
  it("prints a table of findings and exits 0", () => {
    const r = run(slow, "--scenario", "video-recommendation");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kind\s+message/);
    expect(r.stdout).toContain("Retrieval 80 ms + Heavy ranker 250 ms = 330 ms on the request path");
  });
  it("prints {findings: [{kind, message}]} with --json", () => {
    const transcript = write(
      "t.json",
      JSON.stringify({ scenarioId: "video-recommendation", turns: [{ role: "candidate", content: "Budget 500 ms." }] }),
    );
    const r = run(slow, "--scenario", "video-recommendation", "--transcript", transcript, "--json");
    expect(r.status).toBe(0);
    const last = r.stdout.trim().split("\n").at(-1) as string;
    const parsed = JSON.parse(last) as { findings: Array<Record<string, string>> };
    for (const f of parsed.findings) expect(Object.keys(f).sort()).toEqual(["kind", "message"]);
    expect(parsed.findings.some((f) => f.kind === "latency-over-budget")).toBe(false);
  });
  it("reads an Excalidraw scene as the canvas saves it, with the same findings as its Mermaid", () => {
    const scene = write("slow.excalidraw", JSON.stringify(diagramToScene(parseMermaid(readFileSync(slow, "utf8")))));
    const fromScene = run(scene, "--scenario", "video-recommendation", "--json");
    const fromMermaid = run(slow, "--scenario", "video-recommendation", "--json");
    expect(fromScene.status).toBe(0);
    expect(JSON.parse(fromScene.stdout.trim().split("\n").at(-1) as string)).toEqual(
      JSON.parse(fromMermaid.stdout.trim().split("\n").at(-1) as string),
    );
    const broken = run(write("broken.excalidraw", '{"elements": 3}'), "--scenario", "news-feed");
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim()).toMatch(/is not an Excalidraw scene: .*"elements" must be a list/);
  });
  it("exits 2 with a sentence for bad input", () => {
    const bad = write("bad.mmd", "flowchart LR\n  A[ok] --> B[open\n");
    const cases: Array<[string[], RegExp]> = [
      [[path.join(dir, "none.mmd"), "--scenario", "news-feed"], /^Cannot read .*none\.mmd \(ENOENT\)\./],
      [[bad, "--scenario", "news-feed"], /is not a Mermaid flowchart: Line 2: /],
      [[slow, "--scenario", "nope"], /^Unknown scenario "nope"; valid ids: video-recommendation, /],
      [[slow], /--scenario is required/],
      [[slow, "--scenario", "news-feed", "--transcript", write("x.json", "{")], /is not valid JSON/],
      [[slow, "--scenario", "news-feed", "--transcript", write("y.json", "{}")], /is not a transcript: scenarioId/],
    ];
    for (const [args, sentence] of cases) {
      const r = run(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim()).toMatch(sentence);
    }
  });
});
