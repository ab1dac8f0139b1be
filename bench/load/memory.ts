/**
 * Resident memory of server processes and their children, sampled from /proc while a load
 * runs: the sum at the start and the highest sum seen. Linux only; a process that has gone
 * counts as nothing.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";

const run = promisify(execFile);

/** VmRSS of one process in bytes, or 0 when it has gone (or /proc is not there). */
async function rssBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The children of `pid` (`ps -o pid= --ppid`); none when ps finds none or fails. */
export async function childPids(pid: number): Promise<number[]> {
  try {
    const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(pid)]);
    return stdout
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter((child) => Number.isInteger(child) && child > 0);
  } catch {
    // ps exits 1 when the process has no children.
    return [];
  }
}

/** `pid` and its descendants, a few generations down (next start's workers are its children). */
export async function processTree(pid: number, depth = 3): Promise<number[]> {
  if (depth === 0) return [pid];
  const children = await childPids(pid);
  const below = await Promise.all(children.map((child) => processTree(child, depth - 1)));
  return [pid, ...below.flat()];
}

/** The summed RSS of every process in the trees of `pids`, in bytes. */
export async function treeRssBytes(pids: number[]): Promise<number> {
  const trees = await Promise.all(pids.map((pid) => processTree(pid)));
  const sizes = await Promise.all(trees.flat().map(rssBytes));
  return sizes.reduce((sum, size) => sum + size, 0);
}

export interface RssSampler {
  startBytes: number;
  /** Stops sampling and returns the highest sum seen (at least the start). */
  stop(): Promise<number>;
}

/** Samples the trees of `pids` now, then every `everyMs` until stopped. */
export async function sampleRss(pids: number[], everyMs = 250): Promise<RssSampler> {
  const startBytes = await treeRssBytes(pids);
  let peak = startBytes;
  let sampling: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    // One sample at a time: a slow ps never piles up samples.
    sampling = sampling.then(async () => {
      peak = Math.max(peak, await treeRssBytes(pids));
    });
  }, everyMs);
  return {
    startBytes,
    async stop() {
      clearInterval(timer);
      await sampling;
      peak = Math.max(peak, await treeRssBytes(pids));
      return peak;
    },
  };
}
