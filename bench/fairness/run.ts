/**
 * `npm run bench:fairness -- [--turns 40] [--warmup 10] [--pause 300] [--heavy 5] [--refire 250]
 * [--tolerance 1.5] [--occupy off|on]`: can one identity starve other people's interview turns with Lab runs?
 * (issue 15 part 7). One `next start` of the built app (`npm run build` first) on PGlite in a
 * temporary directory, offline. Identity A warms the server up with untimed turns, then sends
 * --turns messages one after another (a --pause between a reply and the next) for the baseline;
 * then identity B fires --heavy of the heaviest ANN runs the caps allow at once and keeps
 * re-firing whenever one is refused or ends, while A sends --turns more the same way. The limits
 * under test are services/pipeline-gate.ts: one live run per identity, a rate limit, and per
 * server one fewer Lab slot than cores with a line of 8 beyond which runs get a 503. With
 * --occupy on a third identity holds the slot first, so B's runs meet the line.
 * This is a benchmark rather than a test because its assertion is about time on a shared
 * machine. Loopback only; the server and its directory are removed at the end, on failure and
 * on Ctrl-C. Progress on stderr; tables, then one JSON line, on stdout.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { identityCookie, type Server } from "@/services/testing/app-servers";
import { installInterruptHandlers, startLoadServers } from "../lib/bench-servers";
import { describeMachine } from "../lib/machine";
import { sleep } from "../lib/sleep";
import { round } from "../lib/stats";
import { startAbuse } from "./abuser";
import { parseFairnessArgs } from "./args";
import { sendTurns } from "./candidate";
import { phaseFigures, printReport } from "./report";

/** Time for B's first requests to be admitted and a run to start before A's timed turns begin. */
const ABUSE_HEAD_START_MS = 2000;
/** How long closed runs may take to leave the server before it is stopped anyway. */
const SETTLE_LIMIT_MS = 10_000;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const args = parseFairnessArgs(process.argv.slice(2));
  if (!existsSync(path.join(".next", "BUILD_ID"))) throw new UsageError("Run npm run build first.");
  installInterruptHandlers(log);
  // One server on PGlite. BENCH_RATE_LIMITS (set by startLoadServers) scales only the rate
  // windows: the one-run-per-person rule is a count of live runs and ignores it.
  const servers = await startLoadServers("pglite", null, 1, log);
  const server = servers.list[0] as Server;
  const stop = servers.stop;
  try {
    const cookieA = await identityCookie(server);
    const cookieB = await identityCookie(server);
    if (cookieA === cookieB) throw new Error("the two identities got the same cookie");
    const every = (label: string) => (done: number) => {
      if (done % 10 === 0) log(`  ${label}: ${done} turns`);
    };

    log(`(a) warm-up: A sends ${args.warmupTurns} untimed turns`);
    if (args.warmupTurns > 0) {
      const warm = await sendTurns(server, cookieA, { count: args.warmupTurns, pauseMs: 0, scenario: 0 });
      if (warm.failures.length > 0) throw new Error(`the warm-up failed: ${warm.failures.slice(0, 3).join("; ")}`);
    }

    log(`(b) baseline: A sends ${args.turns} turns, ${args.pauseMs} ms apart`);
    const baseline = await sendTurns(server, cookieA, {
      count: args.turns,
      pauseMs: args.pauseMs,
      scenario: 1,
      onTurn: every("baseline"),
    });

    const stopAbuse = new AbortController();
    let occupier: ReturnType<typeof startAbuse> | null = null;
    if (args.occupy) {
      log("  --occupy on: identity C starts one heavy run first, to hold the server's Lab slot");
      occupier = startAbuse(server, await identityCookie(server), { heavy: 1, refireMs: 1000, stop: stopAbuse.signal });
      for (let i = 0; i < 600 && occupier.tally.computing === 0; i++) await sleep(100);
    }
    log(`(c) under abuse: B keeps ${args.heavy} heaviest ANN runs going while A sends ${args.turns} turns`);
    const abuse = startAbuse(server, cookieB, { heavy: args.heavy, refireMs: args.refireMs, stop: stopAbuse.signal });
    const status = () =>
      `B: ${abuse.tally.started} admitted, ${abuse.tally.refused} refused, ${abuse.tally.busy} busy, ${abuse.tally.completed} completed; open ${abuse.tally.open}, waiting ${abuse.tally.waiting}, computing ${abuse.tally.computing}`;
    const progress = setInterval(() => log(`  ${status()}`), 10_000);
    let underLoad: Awaited<ReturnType<typeof sendTurns>>;
    const phaseStart = performance.now();
    try {
      await sleep(ABUSE_HEAD_START_MS);
      underLoad = await sendTurns(server, cookieA, {
        count: args.turns,
        pauseMs: args.pauseMs,
        scenario: 2,
        onTurn: every("under abuse"),
      });
    } finally {
      clearInterval(progress);
      stopAbuse.abort();
    }
    const phaseSeconds = round((performance.now() - phaseStart) / 1000, 1);
    log(`  end of phase: ${status()}`);
    if (occupier)
      log(`  C (occupying the slot): ${occupier.tally.started} admitted, ${occupier.tally.completed} completed`);
    // Closing B's requests cancels the runs; give the server a moment before it is stopped.
    await Promise.race([Promise.all([abuse.done, occupier?.done]), sleep(SETTLE_LIMIT_MS)]);

    // A's under-abuse turns by what the computing Lab run (B's, or C's) was doing when each was sent.
    const byStage = new Map<string, number[]>();
    underLoad.times.forEach((ms, i) => {
      const at = underLoad.startedAt[i] as number;
      const stage = abuse.tally.stageAt(at) ?? occupier?.tally.stageAt(at) ?? null;
      if (stage !== null) byStage.set(stage, [...(byStage.get(stage) ?? []), ms]);
    });
    for (const [label, phase] of [
      ["baseline", baseline],
      ["under abuse", underLoad],
    ] as const) {
      if (phase.failures.length > 0)
        log(`  ${label}: ${phase.failures.length} failed turns, first: ${phase.failures[0]}`);
    }
    const stderrLines = server.stderr().split("\n").filter(Boolean);
    if (stderrLines.length > 0)
      log(
        `  the server wrote ${stderrLines.length} stderr line(s), first:\n    ${stderrLines.slice(0, 5).join("\n    ")}`,
      );
    printReport({
      machine: describeMachine(),
      args,
      baseline: phaseFigures(baseline.times, baseline.failures.length),
      underLoad: phaseFigures(underLoad.times, underLoad.failures.length),
      duringRun: phaseFigures([...byStage.values()].flat(), 0),
      byStage: [...byStage].map(([stage, times]) => [stage, phaseFigures(times, 0)] as const),
      abuse: abuse.tally,
      phaseSeconds,
    });
  } finally {
    await stop();
  }
}

runCli(main, () => null);
