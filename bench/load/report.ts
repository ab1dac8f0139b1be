import { formatTable } from "@/lib/cli/print-table";
import type { BenchDatabaseKind } from "../bench-databases";
import type { describeMachine } from "../lib/machine";
import type { LoadArgs } from "./args";
import type { StressResult } from "./stress";

/**
 * What `npm run bench:load` prints: a summary per configuration, memory and p99 over time, the
 * stress ramp, then one JSON line whose top-level figures are the first configuration's (the
 * embedded database when it ran) and whose `runs` holds every configuration.
 */
export interface RunResult {
  database: BenchDatabaseKind;
  servers: number;
  turns: number;
  numericTurns: number;
  interviews: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  turnsPerSecond: number;
  /** When the load began (after one priming interview per server). */
  rssStartMb: number;
  rssAfterWarmupMb: number;
  /** When the last candidate stopped sending. */
  rssEndMb: number;
  rssPeakMb: number;
  /** Least-squares slope of RSS after the warm-up. */
  growthMbPerMinute: number;
  timeline: Array<{ atSeconds: number; turns: number; p99Ms: number; rssMb: number }>;
  stress: StressResult | null;
}

const name = (run: RunResult) => `${run.database === "pglite" ? "PGlite" : "Postgres"} x${run.servers}`;

export function printReport(machine: ReturnType<typeof describeMachine>, args: LoadArgs, runs: RunResult[]): void {
  console.log(`bench:load on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(
    `${args.candidates} candidates at once for ${args.durationSeconds} s, ${args.thinkMs / 1000} s (±half) between a reply and the next message; turn = message sent to view event; memory growth measured after ${args.warmupSeconds} s\n`,
  );
  console.log(
    formatTable(
      ["run", "turns", "numeric", "interviews", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "turns/s"],
      runs.map((r) => [
        name(r),
        r.turns,
        r.numericTurns,
        r.interviews,
        r.errors,
        r.p50Ms,
        r.p95Ms,
        r.p99Ms,
        r.maxMs,
        r.turnsPerSecond,
      ]),
    ),
  );
  console.log(
    `\n${formatTable(
      ["run", "RSS start MB", "after warm-up MB", "end MB", "peak MB", "growth MB/min after warm-up"],
      runs.map((r) => [name(r), r.rssStartMb, r.rssAfterWarmupMb, r.rssEndMb, r.rssPeakMb, r.growthMbPerMinute]),
    )}`,
  );
  for (const run of runs) {
    console.log(`\n${name(run)} over time:`);
    console.log(
      formatTable(
        ["at s", "turns", "p99 ms", "RSS MB"],
        run.timeline.map((w) => [w.atSeconds, w.turns, w.p99Ms, w.rssMb]),
      ),
    );
  }
  for (const run of runs) {
    if (!run.stress) continue;
    console.log(
      `\n${name(run)} stress (one server, no wait): most turns/s at p99 < 1 s = ${run.stress.maxTurnsPerSecond}`,
    );
    console.log(
      formatTable(
        ["at once", "turns", "errors", "turns/s", "p50 ms", "p99 ms"],
        run.stress.levels.map((l) => [l.concurrent, l.turns, l.errors, l.turnsPerSecond, l.p50Ms, l.p99Ms]),
      ),
    );
  }
  const first = runs[0];
  if (!first) return;
  console.log(
    JSON.stringify({
      candidates: args.candidates,
      turns: first.turns,
      errors: first.errors,
      p50Ms: first.p50Ms,
      p99Ms: first.p99Ms,
      rssStartMb: first.rssStartMb,
      rssEndMb: first.rssEndMb,
      maxTurnsPerSecond: first.stress?.maxTurnsPerSecond ?? null,
      database: first.database,
      servers: first.servers,
      durationSeconds: args.durationSeconds,
      thinkMs: args.thinkMs,
      machine,
      runs,
    }),
  );
}
