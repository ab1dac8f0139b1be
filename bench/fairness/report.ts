/**
 * What `npm run bench:fairness` prints on stdout: the machine, A's turn times per phase, B's
 * Lab runs by outcome, and one JSON line last for scripts. The verdict compares p95s with a
 * stated tolerance because two samples of a few dozen turns on a shared 2-core machine are
 * never equal: a 1.0 threshold would fail on noise alone.
 */
import { formatTable } from "@/lib/cli/print-table";
import type { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import type { AbuseTally } from "./abuser";
import type { FairnessArgs } from "./args";

export interface PhaseFigures {
  turns: number;
  failures: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function phaseFigures(times: number[], failures: number): PhaseFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    turns: sorted.length,
    failures,
    p50Ms: round(quantile(sorted, 0.5), 0),
    p95Ms: round(quantile(sorted, 0.95), 0),
    p99Ms: round(quantile(sorted, 0.99), 0),
    maxMs: round(sorted.at(-1) ?? 0, 0),
  };
}

export function printReport(input: {
  machine: ReturnType<typeof describeMachine>;
  args: FairnessArgs;
  baseline: PhaseFigures;
  underLoad: PhaseFigures;
  /** A's under-abuse turns that started while a Lab run (B's, or C's with --occupy on) was computing. */
  duringRun: PhaseFigures;
  /** The same turns split by the stage B's run was in (their p95s rest on few turns each). */
  byStage: ReadonlyArray<readonly [string, PhaseFigures]>;
  abuse: AbuseTally;
  phaseSeconds: number;
}): void {
  const { machine, args, baseline, underLoad, duringRun, abuse } = input;
  const out = (line = "") => process.stdout.write(`${line}\n`);
  out(`machine: ${machine.cores} cores ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  out(
    `A: ${args.turns} timed turns per phase, ${args.pauseMs} ms pause; B: ${args.heavy} loops of the heaviest ANN run, ${args.refireMs} ms pause after a refusal; under-abuse phase ${input.phaseSeconds} s`,
  );
  out();
  const row = (name: string, f: PhaseFigures) =>
    f.turns === 0
      ? [name, 0, f.failures, "-", "-", "-", "-"]
      : [name, f.turns, f.failures, f.p50Ms, f.p95Ms, f.p99Ms, f.maxMs];
  out(
    formatTable(
      ["phase (A's turns)", "turns", "failed", "p50 ms", "p95 ms", "p99 ms", "max ms"],
      [
        row("baseline", baseline),
        row("under abuse", underLoad),
        row("  of which during a Lab run", duringRun),
        ...input.byStage.map(([stage, figures]) => row(`    ${stage}`, figures)),
      ],
    ),
  );
  out();
  const other = [...abuse.other].map(([what, n]) => `${n} x ${what}`).join(", ") || "none";
  out(
    formatTable(
      ["B's Lab runs", "count"],
      [
        ["admitted (200)", abuse.started],
        ["refused (429)", abuse.refused],
        ["busy (503)", abuse.busy],
        ["completed (result)", abuse.completed],
        ["failed (error event)", abuse.failed],
        ["cut at the end of the phase", abuse.cut],
        ["most admitted and open at once", abuse.maxOpen],
        ["most waiting in the server's line at once", abuse.maxWaiting],
        ["most computing at once", abuse.maxComputing],
        ["other answers", other],
      ],
    ),
  );
  out();
  const withinBaselineP95 = underLoad.p95Ms <= baseline.p95Ms * args.tolerance;
  out(
    `verdict: under-abuse p95 ${underLoad.p95Ms} ms ${withinBaselineP95 ? "<=" : ">"} ${args.tolerance} x baseline p95 ${baseline.p95Ms} ms (${round(baseline.p95Ms * args.tolerance, 0)} ms): ${withinBaselineP95 ? "within" : "NOT within"} the tolerance`,
  );
  out(
    JSON.stringify({
      baselineP50Ms: baseline.p50Ms,
      baselineP95Ms: baseline.p95Ms,
      underLoadP50Ms: underLoad.p50Ms,
      underLoadP95Ms: underLoad.p95Ms,
      underLoadP99Ms: underLoad.p99Ms,
      labRunsStarted: abuse.started,
      labRunsRefused: abuse.refused,
      labRunsBusy: abuse.busy,
      labRunsCompleted: abuse.completed,
      labRunsMostOpenAtOnce: abuse.maxOpen,
      labRunsMostComputingAtOnce: abuse.maxComputing,
      turnsDuringRun: duringRun.turns,
      tolerance: args.tolerance,
      withinBaselineP95,
    }),
  );
}
