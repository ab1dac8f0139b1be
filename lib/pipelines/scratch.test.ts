import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isProcessAlive, processScratchDir, SCRATCH_PREFIX, scratchOwner, sweepDeadScratch } from "./scratch";

/** The id of a process that has just exited: no process has it (reuse within the test is vanishingly unlikely). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  expect(child.pid).toBeGreaterThan(0);
  return child.pid as number;
}

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "probe-scratch-sweep-test-"));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** A scratch directory owned by `pid`, holding a file as a saved index would. */
function scratchOf(pid: number): string {
  const dir = fs.mkdtempSync(path.join(root, `${SCRATCH_PREFIX}${pid}-`));
  fs.mkdirSync(path.join(dir, "probe-ann-x"));
  fs.writeFileSync(path.join(dir, "probe-ann-x", "index.usearch"), "index");
  return dir;
}

describe("pipeline scratch directories", () => {
  it("names this process's directory with its pid, and returns the same one each time", () => {
    const dir = processScratchDir();
    expect(path.dirname(dir)).toBe(os.tmpdir());
    expect(scratchOwner(path.basename(dir))).toBe(process.pid);
    expect(processScratchDir()).toBe(dir);
  });

  it("reads the owner only from names it made", () => {
    expect(scratchOwner("probe-scratch-1234-aB9xYz")).toBe(1234);
    expect(scratchOwner("probe-scratch-x-aB9xYz")).toBeNull();
    expect(scratchOwner("probe-ann-aB9xYz")).toBeNull();
    expect(scratchOwner("probe-scratch-0-aB9xYz")).toBeNull();
  });

  it("tells a live process from a gone one", () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
  });

  it("removes the directories of a dead process and keeps a live one's and unrelated ones", () => {
    const dead = deadPid();
    const gone = [scratchOf(dead), scratchOf(dead)];
    const live = scratchOf(process.ppid);
    const other = fs.mkdtempSync(path.join(root, "probe-ann-"));
    const removed = sweepDeadScratch(root);
    expect(removed.sort()).toEqual(gone.sort());
    for (const dir of gone) expect(fs.existsSync(dir)).toBe(false);
    expect(fs.existsSync(path.join(live, "probe-ann-x", "index.usearch"))).toBe(true);
    expect(fs.existsSync(other)).toBe(true);
  });

  it("asks whether each owner is alive, and keeps any it cannot rule out", () => {
    const asked: number[] = [];
    const kept = scratchOf(4_000_001);
    const swept = scratchOf(4_000_002);
    const removed = sweepDeadScratch(root, (pid) => {
      asked.push(pid);
      return pid === 4_000_001;
    });
    expect(asked.sort()).toEqual([4_000_001, 4_000_002]);
    expect(removed).toEqual([swept]);
    expect(fs.existsSync(kept)).toBe(true);
  });

  it("keeps this process's own directory, and removes one an earlier process with the same pid left", () => {
    const own = processScratchDir();
    const earlier = fs.mkdtempSync(path.join(os.tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
    try {
      const removed = sweepDeadScratch(os.tmpdir(), () => true);
      expect(removed).toContain(earlier);
      expect(removed).not.toContain(own);
      expect(fs.existsSync(own)).toBe(true);
    } finally {
      fs.rmSync(earlier, { recursive: true, force: true });
    }
  });
});
