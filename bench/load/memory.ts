/**
 * Resident memory of server processes and their children, sampled from /proc while a load
 * runs: every sample with its time, the sum at the start and the highest sum seen. Linux only;
 * a process that has gone counts as nothing.
 */
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { processTree } from "../lib/process-tree";

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

/** The summed RSS of every process in the trees of `pids`, in bytes. */
export async function treeRssBytes(pids: number[]): Promise<number> {
  const trees = await Promise.all(pids.map((pid) => processTree(pid)));
  const sizes = await Promise.all(trees.flat().map(rssBytes));
  return sizes.reduce((sum, size) => sum + size, 0);
}

export interface RssSampler {
  startBytes: number;
  /** Every sample so far: performance-clock time (ms) and bytes. */
  samples: Array<[at: number, bytes: number]>;
  /** Stops sampling and returns the highest sum seen (at least the start). */
  stop(): Promise<number>;
}

/** Samples the trees of `pids` now, then every `everyMs` until stopped. */
export async function sampleRss(pids: number[], everyMs = 1000): Promise<RssSampler> {
  const startBytes = await treeRssBytes(pids);
  const samples: Array<[number, number]> = [[performance.now(), startBytes]];
  let peak = startBytes;
  let sampling: Promise<void> = Promise.resolve();
  const take = async () => {
    const bytes = await treeRssBytes(pids);
    samples.push([performance.now(), bytes]);
    peak = Math.max(peak, bytes);
  };
  const timer = setInterval(() => {
    // One sample at a time: a slow ps never piles up samples.
    sampling = sampling.then(take);
  }, everyMs);
  return {
    startBytes,
    samples,
    async stop() {
      clearInterval(timer);
      await sampling;
      await take();
      return peak;
    },
  };
}

/** The RSS sampled last at or before `at`, or the first sample. */
export function rssAt(samples: Array<[number, number]>, at: number): number {
  let found = samples[0]?.[1] ?? 0;
  for (const [time, bytes] of samples) {
    if (time > at) break;
    found = bytes;
  }
  return found;
}

/** Least-squares slope of `samples` from `from` on, in bytes per minute (0 with under two). */
export function growthPerMinute(samples: Array<[number, number]>, from: number): number {
  const kept = samples.filter(([at]) => at >= from);
  if (kept.length < 2) return 0;
  const meanT = kept.reduce((sum, [at]) => sum + at, 0) / kept.length;
  const meanB = kept.reduce((sum, [, bytes]) => sum + bytes, 0) / kept.length;
  let covariance = 0;
  let variance = 0;
  for (const [at, bytes] of kept) {
    covariance += (at - meanT) * (bytes - meanB);
    variance += (at - meanT) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60_000;
}
