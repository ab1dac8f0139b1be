/**
 * `npm run bench:pipelines`: the reference pipelines' targets. At 100k x 128, HNSW recall@10 of
 * at least 0.95 at no less than 20x the exact baseline's QPS, the exact baseline at no less than
 * 60% of the machine's memory bandwidth, and each pipeline's default run under 20 s.
 * Prints a table, then JSON.
 */
import { formatTable } from "@/lib/cli/print-table";
import { annPipeline } from "@/lib/pipelines/ann";
import { capacityPipeline } from "@/lib/pipelines/capacity";
import { describeMachine } from "../lib/machine";
import { round } from "../lib/stats";
import { benchAnn } from "./ann";
import { benchCtr } from "./ctr";
import { benchFunnel } from "./funnel";

const DEFAULT_RUN_LIMIT_SECONDS = 20;

async function timeDefault(pipeline: {
  paramsSchema: { parse(v: unknown): unknown };
  run(p: never, c: never): Promise<unknown>;
}) {
  const params = pipeline.paramsSchema.parse({});
  const started = performance.now();
  await pipeline.run(params as never, { onProgress: () => {}, signal: new AbortController().signal } as never);
  return round((performance.now() - started) / 1000, 1);
}

const ann = await benchAnn();
const annDefaultSeconds = await timeDefault(annPipeline);
const funnel = await benchFunnel();
const ctr = await benchCtr();
const capacitySeconds = await timeDefault(capacityPipeline);

const checks = [
  {
    check: `ann: HNSW recall@10 at ef ${ann.chosenEf}`,
    value: ann.recallAt10,
    target: ">= 0.95",
    pass: ann.met.recall,
  },
  { check: "ann: HNSW QPS / exact QPS", value: ann.speedup, target: ">= 20", pass: ann.met.speedup },
  {
    check: "ann: exact bandwidth / run-time JS probe",
    value: ann.bandwidthShareOfProbe,
    target: ">= 0.6",
    pass: ann.met.bandwidthShareOfProbe,
  },
  {
    check: "ann: exact bandwidth / 36 GB/s (C reference)",
    value: ann.bandwidthShareOfC,
    target: ">= 0.6",
    pass: ann.met.bandwidthShareOfC,
  },
  {
    check: "ann: default run (s)",
    value: annDefaultSeconds,
    target: `< ${DEFAULT_RUN_LIMIT_SECONDS}`,
    pass: annDefaultSeconds < DEFAULT_RUN_LIMIT_SECONDS,
  },
  {
    check: "funnel: default run (s)",
    value: funnel.wallSeconds,
    target: `< ${DEFAULT_RUN_LIMIT_SECONDS}`,
    pass: funnel.wallSeconds < DEFAULT_RUN_LIMIT_SECONDS,
  },
  {
    check: "ctr: default run (s)",
    value: ctr.wallSeconds,
    target: `< ${DEFAULT_RUN_LIMIT_SECONDS}`,
    pass: ctr.wallSeconds < DEFAULT_RUN_LIMIT_SECONDS,
  },
  {
    check: "capacity: default run (s)",
    value: capacitySeconds,
    target: `< ${DEFAULT_RUN_LIMIT_SECONDS}`,
    pass: capacitySeconds < DEFAULT_RUN_LIMIT_SECONDS,
  },
];

console.log(
  formatTable(
    ["check", "value", "target", "pass"],
    checks.map((c) => [c.check, c.value, c.target, c.pass ? "yes" : "NO"]),
    60,
  ),
);
console.log(
  `\nann: exact ${ann.exactQps} QPS at ${ann.exactBandwidthGBps} GB/s (probe ${ann.probeBandwidthGBps} GB/s); HNSW ${ann.hnswQps} QPS at ef ${ann.chosenEf}; build ${ann.buildSeconds} s`,
);
console.log(
  `funnel: total p50 ${funnel.totalP50Ms} ms, p99 ${funnel.totalP99Ms} ms; NDCG@10 final ${funnel.ndcgAt10.final}`,
);
console.log(
  `ctr: calibration ratio raw downsampled ${ctr.variants.find((v) => v.id === "b")?.calibrationRatio}, recalibrated ${ctr.variants.find((v) => v.id === "c")?.calibrationRatio}\n`,
);
console.log(JSON.stringify({ machine: describeMachine(), checks, ann, funnel, ctr, capacitySeconds }, null, 2));
