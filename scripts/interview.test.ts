import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "./testing/run-script";

const dataDir = mkdtempSync(path.join(tmpdir(), "probe-interview-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm run interview", () => {
  it("runs the interviewer in the terminal from piped input to the score report", () => {
    const input = [
      "What is the latency budget?",
      "We need PR-AUC because fraud is 0.1% of payments.",
      "next",
      "end interview",
      "",
    ].join("\n");
    const { status, stdout } = runScript(
      "scripts/interview.ts",
      ["--scenario", "fraud-detection", "--level", "staff"],
      { PROBE_DATA_DIR: dataDir },
      input,
    );
    expect(status).toBe(0);
    expect(stdout).toContain("· staff · interview");
    expect(stdout).toContain("[Clarify requirements] you> What is the latency budget?");
    expect(stdout).toContain("Your score is");
    expect(stdout).toMatch(/Monitoring and infrastructure\s+\d+/);
  });

  it("exits 2 with a sentence on a bad scenario or a missing one", () => {
    const bad = runScript("scripts/interview.ts", ["--scenario", "nope"], { PROBE_DATA_DIR: dataDir }, "");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--scenario must be one of");
    const none = runScript("scripts/interview.ts", [], { PROBE_DATA_DIR: dataDir }, "");
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Name a scenario with --scenario ID");
  });
});
