/**
 * `npm run bench:load -- [--candidates 50] [--duration 300] [--think 5000] [--database ...]
 * [--servers 1|2] [--stress on|off]`: many simulated candidates interviewing at once, over HTTP,
 * against the built app (`next start`, so `npm run build` first) on a fresh database: PGlite in
 * a temporary data directory (one server), or a fresh database on the Postgres server
 * PROBE_BENCH_DATABASE_URL points at (one server, or two on the same database with each
 * candidate alternating between them per message). Each candidate has its own identity, arrives
 * within the first think time, and waits a think time (half to 1.5 times the mean) between a
 * reply and its next message; a turn is timed from sending the message to the `view` event of
 * its NDJSON answer. Server memory is the RSS of the server processes and their children, every
 * second. Then the stress phase finds the most turns per second one server sustains with no
 * wait at p99 under a second. Loopback only; servers, databases and directories are removed at
 * the end, on failure and on Ctrl-C. Prints tables, then one JSON line.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import type { Server } from "@/services/testing/app-servers";
import type { BenchDatabaseKind } from "../bench-databases";
import { installInterruptHandlers, startLoadServers } from "../lib/bench-servers";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import { type LoadArgs, parseLoadArgs } from "./args";
import { candidate } from "./candidate";
import { growthPerMinute, rssAt, sampleRss } from "./memory";
import { printReport, type RunResult } from "./report";
import { stressServer } from "./stress";
import { Tally } from "./turn";

/** How long the streams still open after the last turn may take to end before they are cut. */
const DRAIN_LIMIT_MS = 60_000;
const PROGRESS_EVERY_MS = 15_000;
const RSS_TABLE_EVERY_MS = 30_000;

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);
const log = (line: string) => process.stderr.write(`${line}\n`);

/** p99 and turns of the turns that finished in each window of the run. */
function windows(tally: Tally, startedAt: number, endedAt: number, samples: Array<[number, number]>) {
  const rows: RunResult["timeline"] = [];
  for (let from = startedAt; from < endedAt; from += RSS_TABLE_EVERY_MS) {
    const to = Math.min(endedAt, from + RSS_TABLE_EVERY_MS);
    const times = tally.timeline
      .filter(([at]) => at >= from && at < to)
      .map(([, ms]) => ms)
      .sort((a, b) => a - b);
    if (times.length === 0) continue;
    rows.push({
      atSeconds: Math.round((to - startedAt) / 1000),
      turns: times.length,
      p99Ms: round(quantile(times, 0.99), 0),
      rssMb: mb(rssAt(samples, to)),
    });
  }
  return rows;
}

async function measure(kind: BenchDatabaseKind, serverUrl: string | null, args: LoadArgs): Promise<RunResult> {
  const servers = await startLoadServers(kind, serverUrl, args.servers, log);
  try {
    const label = `${kind} x${servers.list.length}`;
    // A first interview per server compiles the routes and reads the scenarios, as the first
    // users of a fresh deployment would; it is not counted.
    const priming = new Tally();
    await Promise.all(
      servers.list.map((server, index) =>
        candidate({
          index,
          servers: [server],
          deadline: Number.POSITIVE_INFINITY,
          thinkMs: 0,
          maxTurns: 8,
          seed: 7,
          tally: priming,
          abort: new AbortController().signal,
          onTurn: () => {},
        }).then((drains) => Promise.all(drains)),
      ),
    );
    if (priming.errors > 0) throw new Error(`${label}: the priming interview failed: ${[...priming.kinds.keys()]}`);

    const rss = await sampleRss(servers.pids);
    const tally = new Tally();
    const abort = new AbortController();
    const startedAt = performance.now();
    const deadline = startedAt + args.durationSeconds * 1000;
    const progress = setInterval(() => {
      const seconds = Math.round((performance.now() - startedAt) / 1000);
      const rssNow = rss.samples.at(-1)?.[1] ?? 0;
      log(
        `  ${label}: ${seconds}/${args.durationSeconds} s, ${tally.turns} turns, ${tally.errors} errors, RSS ${mb(rssNow)} MB`,
      );
    }, PROGRESS_EVERY_MS);
    const drains = (
      await Promise.all(
        Array.from({ length: args.candidates }, (_, index) =>
          candidate({
            index,
            servers: servers.list,
            deadline,
            thinkMs: args.thinkMs,
            maxTurns: args.turnsPerCandidate,
            seed: args.seed,
            tally,
            abort: abort.signal,
            onTurn: () => {},
          }),
        ),
      )
    ).flat();
    const endedAt = performance.now();
    clearInterval(progress);
    // The streams still open (check cards) end on their own; cut any that outlive the limit.
    const limit = setTimeout(() => abort.abort(), DRAIN_LIMIT_MS);
    await Promise.all(drains);
    clearTimeout(limit);
    const peakBytes = await rss.stop();
    const warmedAt = startedAt + args.warmupSeconds * 1000;

    const tails = [...tally.tails].sort((a, b) => a - b);
    log(
      `  ${label}: streams stayed open after the view for p50 ${round(quantile(tails, 0.5), 0)} ms, max ${round(tails.at(-1) ?? 0, 0)} ms; ${tally.cut} cut after ${DRAIN_LIMIT_MS / 1000} s`,
    );
    for (const [what, times] of tally.kinds) log(`  ${label}: ${times} x ${what}`);
    servers.reportStderr(log);

    const stress = args.stress
      ? await stressServer(servers.list[0] as Server, args.stressSeconds, args.seed, log)
      : null;
    const latencies = [...tally.latencies].sort((a, b) => a - b);
    return {
      database: kind,
      servers: servers.list.length,
      turns: tally.turns,
      numericTurns: tally.numericTurns,
      interviews: tally.interviews,
      errors: tally.errors,
      p50Ms: round(quantile(latencies, 0.5), 0),
      p95Ms: round(quantile(latencies, 0.95), 0),
      p99Ms: round(quantile(latencies, 0.99), 0),
      maxMs: round(latencies.at(-1) ?? 0, 0),
      turnsPerSecond: round(latencies.length / ((endedAt - startedAt) / 1000), 2),
      rssStartMb: mb(rss.startBytes),
      rssAfterWarmupMb: mb(rssAt(rss.samples, warmedAt)),
      rssEndMb: mb(rssAt(rss.samples, endedAt)),
      rssPeakMb: mb(peakBytes),
      growthMbPerMinute: round(growthPerMinute(rss.samples, warmedAt) / 2 ** 20, 1),
      timeline: windows(tally, startedAt, endedAt, rss.samples),
      stress,
    };
  } finally {
    await servers.stop();
  }
}

async function main(): Promise<void> {
  const args = parseLoadArgs(process.argv.slice(2));
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new UsageError("Run npm run build first.");
  if (args.databases.note) console.error(args.databases.note);
  installInterruptHandlers(log);
  const runs: RunResult[] = [];
  for (const kind of args.databases.kinds) runs.push(await measure(kind, args.databases.serverUrl, args));
  printReport(describeMachine(), args, runs);
}

runCli(main, () => null);
