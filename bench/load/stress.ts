import { performance } from "node:perf_hooks";
import type { Server } from "@/services/testing/app-servers";
import { quantile, round } from "../lib/stats";
import { candidate } from "./candidate";
import { Tally } from "./turn";

/**
 * The stress phase of `npm run bench:load`: candidates who never pause, on one server, in
 * doubling numbers, each level for a fixed time; the figure is the most turns per second a
 * level sustained with its p99 under a second and no errors. The ramp stops at the first level
 * past that, since more senders only lengthen the queue.
 */
export const STRESS_P99_LIMIT_MS = 1000;
const LEVELS = [1, 2, 4, 8, 16, 32, 64];
/** How long streams still open after a level (check cards) may take before they are cut. */
const DRAIN_LIMIT_MS = 30_000;

export interface StressLevel {
  concurrent: number;
  turns: number;
  errors: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface StressResult {
  levels: StressLevel[];
  /** The highest turns/s of a level with p99 under the limit and no errors (0 if none). */
  maxTurnsPerSecond: number;
}

async function runLevel(server: Server, concurrent: number, seconds: number, seed: number): Promise<StressLevel> {
  const tally = new Tally();
  const abort = new AbortController();
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  const drains = (
    await Promise.all(
      Array.from({ length: concurrent }, (_, index) =>
        candidate({
          index,
          servers: [server],
          deadline,
          thinkMs: 0,
          maxTurns: null,
          seed: seed + concurrent,
          tally,
          abort: abort.signal,
          onTurn: () => {},
        }),
      ),
    )
  ).flat();
  // Throughput counts the time to the last view, not the drain of check cards after it.
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const limit = setTimeout(() => abort.abort(), DRAIN_LIMIT_MS);
  await Promise.all(drains);
  clearTimeout(limit);
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  return {
    concurrent,
    turns: latencies.length,
    errors: tally.errors,
    turnsPerSecond: round(latencies.length / elapsedSeconds, 1),
    p50Ms: round(quantile(latencies, 0.5), 0),
    p99Ms: round(quantile(latencies, 0.99), 0),
  };
}

/** Ramps no-wait candidates on `server` until p99 passes the limit (or the last level). */
export async function stressServer(
  server: Server,
  seconds: number,
  seed: number,
  progress: (line: string) => void,
): Promise<StressResult> {
  const levels: StressLevel[] = [];
  for (const concurrent of LEVELS) {
    const level = await runLevel(server, concurrent, seconds, seed);
    levels.push(level);
    progress(
      `  stress ${concurrent} at once: ${level.turnsPerSecond} turns/s, p50 ${level.p50Ms} ms, p99 ${level.p99Ms} ms, ${level.errors} errors`,
    );
    if (level.p99Ms >= STRESS_P99_LIMIT_MS || level.errors > 0) break;
  }
  const sustained = levels.filter((level) => level.p99Ms < STRESS_P99_LIMIT_MS && level.errors === 0);
  return { levels, maxTurnsPerSecond: Math.max(0, ...sustained.map((level) => level.turnsPerSecond)) };
}
