/**
 * `npm run bench:load -- [--candidates 20] [--turns 10] [--database pglite|postgres|both]
 * [--servers 1|2]`: many candidates interviewing at once, over HTTP, against the built app
 * (`next start`, so `npm run build` first) on a fresh database: PGlite in a temporary data
 * directory (one server), or a fresh database on the Postgres server PROBE_BENCH_DATABASE_URL
 * points at (one server, or two on the same database with each candidate alternating between
 * them per message). Each candidate gets its own identity cookie, starts an interview and sends
 * its messages one after another, 200-600 ms apart (seeded, so runs are comparable); a turn's
 * time is from sending the message to the `view` event of its NDJSON answer. The rest of the
 * stream (check cards) is read to its end in the background. Server memory is the RSS of each
 * server process and its children, sampled every 250 ms. Loopback only; servers, databases and
 * directories are removed at the end, on failure and on Ctrl-C. Prints a table, then one JSON line.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createServerDatabase } from "@/db/testing/postgres-database";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import {
  BENCH_RATE_LIMITS,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "@/services/testing/app-servers";
import type { BenchDatabaseKind } from "../bench-databases";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import { type LoadArgs, parseLoadArgs } from "./args";
import { candidate, Tally } from "./candidate";
import { processTree, sampleRss } from "./memory";

const HEALTH_TIMEOUT_MS = 120_000;
/** How long the streams still open after the last turn may take to end before they are cut. */
const DRAIN_LIMIT_MS = 60_000;
const PROGRESS_EVERY = 50;

interface RunResult {
  database: BenchDatabaseKind;
  servers: number;
  turns: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  turnsPerSecond: number;
  rssStartMb: number;
  rssPeakMb: number;
}

/** Kills a server and whatever it started (next start's workers). */
async function stopServer(server: Server): Promise<void> {
  const pid = server.child.pid;
  const descendants = pid ? (await processTree(pid)).slice(1) : [];
  await kill(server);
  for (const child of descendants) {
    try {
      process.kill(child, "SIGKILL");
    } catch {
      // Already gone with its parent.
    }
  }
}

/** Removals still to run if the process is interrupted. */
const pending = new Set<() => Promise<void>>();

function installInterruptHandlers(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers and removing the benchmark's databases`);
      void Promise.allSettled([...pending].map((remove) => remove())).then(() => process.exit(130));
    });
  }
}

const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

async function measure(kind: BenchDatabaseKind, serverUrl: string | null, args: LoadArgs): Promise<RunResult> {
  const servers: Server[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), "probe-load-"));
  let dropDatabase: (() => Promise<void>) | null = null;
  let cleaned: Promise<void> | null = null;
  // Servers first (they hold connections), then the database, then the directory; once.
  const cleanUp = () => {
    cleaned ??= (async () => {
      await Promise.allSettled(servers.map(stopServer));
      if (dropDatabase) await dropDatabase().catch((error) => console.error("could not drop the database:", error));
      rmSync(dataDir, { recursive: true, force: true });
    })();
    return cleaned;
  };
  pending.add(cleanUp);
  try {
    let databaseUrl = "";
    if (kind === "postgres") {
      if (!serverUrl) throw new UsageError("Postgres needs PROBE_BENCH_DATABASE_URL.");
      const database = await createServerDatabase(serverUrl);
      dropDatabase = database.stop;
      databaseUrl = database.url;
    }
    // One secret for every server, so a cookie set by one is valid on the other. An empty
    // DATABASE_URL means PGlite in PROBE_DATA_DIR, whatever this shell has set.
    const env = {
      DATABASE_URL: databaseUrl,
      PROBE_DATA_DIR: dataDir,
      PROBE_SECRET: randomBytes(24).toString("hex"),
      LOG_LEVEL: "warn",
      ALLOW_REMOTE_MODELS: "false",
      RERANKER: "off",
      // The stress phase sends turns with no wait, beyond a person's rate limit; still counted.
      ...BENCH_RATE_LIMITS,
    };
    const count = kind === "postgres" ? args.servers : 1;
    for (let i = 0; i < count; i++) servers.push(spawnServer(await freePort(), env));
    process.stderr.write(`${kind}: starting ${count} server(s) on a fresh database\n`);
    await Promise.all(servers.map((server) => waitForHealth(server, HEALTH_TIMEOUT_MS)));

    const pids = servers.map((server) => server.child.pid).filter((pid): pid is number => pid !== undefined);
    const rss = await sampleRss(pids);
    const tally = new Tally();
    const abort = new AbortController();
    const total = args.candidates * args.turnsPerCandidate;
    let done = 0;
    const onTurn = () => {
      done += 1;
      if (done % PROGRESS_EVERY === 0 || done === total) {
        process.stderr.write(`  ${kind} x${count}: ${done}/${total} turns, ${tally.errors} errors\n`);
      }
    };
    const startedAt = performance.now();
    const drains = (
      await Promise.all(
        Array.from({ length: args.candidates }, (_, index) =>
          candidate(index, servers, args.turnsPerCandidate, tally, abort.signal, onTurn),
        ),
      )
    ).flat();
    const elapsedSeconds = (performance.now() - startedAt) / 1000;
    // The streams still open (check cards) end on their own; cut any that outlive the limit.
    const limit = setTimeout(() => abort.abort(), DRAIN_LIMIT_MS);
    await Promise.all(drains);
    clearTimeout(limit);
    const peakBytes = await rss.stop();

    const tails = [...tally.tails].sort((a, b) => a - b);
    process.stderr.write(
      `  ${kind} x${count}: streams stayed open after the view for p50 ${round(quantile(tails, 0.5), 0)} ms, max ${round(tails.at(-1) ?? 0, 0)} ms; ${tally.cut} cut after ${DRAIN_LIMIT_MS / 1000} s\n`,
    );
    for (const [what, times] of tally.kinds) process.stderr.write(`  ${kind} x${count}: ${times} x ${what}\n`);
    for (const server of servers) {
      const lines = server.stderr().split("\n").filter(Boolean);
      if (lines.length > 0) {
        process.stderr.write(
          `  ${server.url} wrote ${lines.length} stderr line(s), first:\n    ${lines.slice(0, 5).join("\n    ")}\n`,
        );
      }
    }
    const latencies = [...tally.latencies].sort((a, b) => a - b);
    return {
      database: kind,
      servers: count,
      turns: tally.turns,
      errors: tally.errors,
      p50Ms: round(quantile(latencies, 0.5), 0),
      p95Ms: round(quantile(latencies, 0.95), 0),
      p99Ms: round(quantile(latencies, 0.99), 0),
      maxMs: round(latencies.at(-1) ?? 0, 0),
      turnsPerSecond: round(latencies.length / elapsedSeconds, 2),
      rssStartMb: mb(rss.startBytes),
      rssPeakMb: mb(peakBytes),
    };
  } finally {
    await cleanUp();
    pending.delete(cleanUp);
  }
}

async function main(): Promise<void> {
  const args = parseLoadArgs(process.argv.slice(2));
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new UsageError("Run npm run build first.");
  if (args.databases.note) console.error(args.databases.note);
  installInterruptHandlers();

  const runs: RunResult[] = [];
  for (const kind of args.databases.kinds) runs.push(await measure(kind, args.databases.serverUrl, args));

  const machine = describeMachine();
  console.log(`bench:load on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(
    `${args.candidates} candidates at once x ${args.turnsPerCandidate} turns each over HTTP against next start; turn = message sent to view event\n`,
  );
  console.log(
    formatTable(
      [
        "database",
        "servers",
        "turns",
        "errors",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "turns/s",
        "RSS start MB",
        "RSS peak MB",
      ],
      runs.map((r) => [
        r.database,
        r.servers,
        r.turns,
        r.errors,
        r.p50Ms,
        r.p95Ms,
        r.p99Ms,
        r.maxMs,
        r.turnsPerSecond,
        r.rssStartMb,
        r.rssPeakMb,
      ]),
    ),
  );
  console.log(
    JSON.stringify({ machine, candidates: args.candidates, turnsPerCandidate: args.turnsPerCandidate, runs }),
  );
}

runCli(main, () => null);
