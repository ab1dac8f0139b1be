/**
 * `npm run bench:checks`: how fast an interview's claim check reaches the chat. The checks are the
 * small runs `claimParams` makes from realistic claims, served by the shared check worker
 * (`runCheckInWorker`) and summarised as the card is. Measured: each pipeline's first check on a
 * fresh worker (cold: thread start, data, baseline, index), then RUNS checks one after another
 * (warm), then 20 checks submitted at once (20 candidates on one server), on a warm worker and
 * on a cold one. `--before` also times the old path, one new worker per check (runPipelineInWorker).
 * Target: card p95 under 1.5 s. Prints a table, then one JSON line.
 */
import { formatTable } from "@/lib/cli/print-table";
import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import { annRunDim, claimParams } from "@/lib/pipelines/check-claim";
import { runCheckInWorker, stopCheckWorker } from "@/lib/pipelines/check-worker";
import { getPipeline } from "@/lib/pipelines/registry";
import { runPipelineInWorker } from "@/lib/pipelines/run-in-worker";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";

const RUNS = 30;
const CONCURRENT = 20;
const TARGET_P95_MS = 1500;

const CLAIMS: QuantitativeClaim[] = [
  {
    pipeline: "ann",
    quote: "HNSW over 50M 256-d vectors answers in 2 ms at recall 0.95.",
    latencyMs: 2,
    recall: 0.95,
    items: 5e7,
    dim: 256,
  },
  { pipeline: "ann", quote: "Our FAISS index over 1 billion embeddings returns in 10 ms.", latencyMs: 10, items: 1e9 },
  {
    pipeline: "ann",
    quote: "HNSW on 100M 768-dim embeddings gives recall 0.9 at 5 ms.",
    latencyMs: 5,
    recall: 0.9,
    items: 1e8,
    dim: 768,
  },
  { pipeline: "funnel", quote: "Retrieval plus ranking fit within a 150 ms total budget.", totalMs: 150 },
  { pipeline: "funnel", quote: "End to end, candidate generation and ranking stay under 80 ms.", totalMs: 80 },
  { pipeline: "ctr", quote: "The model gets a log loss of 0.12.", metric: "logLoss", value: 0.12 },
  { pipeline: "ctr", quote: "We reach an AUC of 0.78 offline.", metric: "auc", value: 0.78 },
];

type Runner = typeof runCheckInWorker;

/** One check as the interviewer makes it: params from the claim, the run, the card's summary. */
async function timeCheck(claim: QuantitativeClaim, runner: Runner): Promise<number> {
  const started = performance.now();
  const pipeline = getPipeline(claim.pipeline);
  const result = await runner(claim.pipeline, pipeline.paramsSchema.parse(claimParams(claim)));
  pipeline.summarize(result);
  return performance.now() - started;
}

const claimAt = (i: number) => CLAIMS[i % CLAIMS.length] as QuantitativeClaim;
const figures = (ms: number[]) => ({
  n: ms.length,
  p50Ms: round(quantile(ms, 0.5), 0),
  p95Ms: round(quantile(ms, 0.95), 0),
  maxMs: round(Math.max(...ms), 0),
});

/** The first check of each distinct run (pipeline, and vector width for ANN) on a fresh worker, one after another. */
async function coldFirsts(runner: Runner) {
  const firsts: Record<string, number> = {};
  for (const claim of CLAIMS) {
    const label = claim.pipeline === "ann" ? `ann ${annRunDim(claim).dim}-d` : claim.pipeline;
    firsts[label] ??= round(await timeCheck(claim, runner), 0);
  }
  return firsts;
}

async function sequential(runs: number, runner: Runner) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await timeCheck(claimAt(i), runner));
  return figures(ms);
}

/** Submits `count` checks at once; each one's time is from submission to its card. */
async function concurrent(count: number, runner: Runner) {
  return figures(await Promise.all(Array.from({ length: count }, (_, i) => timeCheck(claimAt(i), runner))));
}

const before = process.argv.includes("--before");
const rows: Array<{ path: string; scenario: string; n: number; p50Ms: number; p95Ms: number; maxMs: number }> = [];

await stopCheckWorker();
const cold = await coldFirsts(runCheckInWorker);
const warm = await sequential(RUNS, runCheckInWorker);
const warmConcurrent = await concurrent(CONCURRENT, runCheckInWorker);
await stopCheckWorker();
const coldConcurrent = await concurrent(CONCURRENT, runCheckInWorker);
for (const [pipeline, ms] of Object.entries(cold)) {
  rows.push({
    path: "check worker",
    scenario: `first ${pipeline} check, fresh worker`,
    n: 1,
    p50Ms: ms,
    p95Ms: ms,
    maxMs: ms,
  });
}
rows.push({ path: "check worker", scenario: `${RUNS} checks in a row, warm`, ...warm });
rows.push({ path: "check worker", scenario: `${CONCURRENT} at once, warm`, ...warmConcurrent });
rows.push({ path: "check worker", scenario: `${CONCURRENT} at once, fresh worker`, ...coldConcurrent });

let old: Record<string, unknown> | null = null;
if (before) {
  const oldSequential = await sequential(CLAIMS.length * 2, runPipelineInWorker);
  const oldConcurrent = await concurrent(CONCURRENT, runPipelineInWorker);
  rows.push({ path: "worker per run (old)", scenario: `${CLAIMS.length * 2} checks in a row`, ...oldSequential });
  rows.push({ path: "worker per run (old)", scenario: `${CONCURRENT} at once`, ...oldConcurrent });
  old = { sequential: oldSequential, concurrent: oldConcurrent };
}

const met = { warmP95: warm.p95Ms < TARGET_P95_MS, concurrentWarmP95: warmConcurrent.p95Ms < TARGET_P95_MS };
console.log(
  formatTable(
    ["path", "scenario", "n", "p50 ms", "p95 ms", "max ms"],
    rows.map((r) => [r.path, r.scenario, r.n, r.p50Ms, r.p95Ms, r.maxMs]),
  ),
);
console.log(
  `\ntarget: card p95 < ${TARGET_P95_MS} ms. warm: ${met.warmP95 ? "met" : "NOT met"}; ${CONCURRENT} at once on a warm worker: ${met.concurrentWarmP95 ? "met" : "NOT met"}\n`,
);
console.log(
  JSON.stringify({
    benchmark: "checks",
    machine: describeMachine(),
    claims: CLAIMS.map((c) => c.quote),
    targetP95Ms: TARGET_P95_MS,
    cold,
    warm,
    warmConcurrent,
    coldConcurrent,
    old,
    met,
  }),
);
