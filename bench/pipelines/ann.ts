/**
 * The ANN pipeline's benchmark at 100k x 128: HNSW recall@10 at the chosen ef (the smallest
 * that reaches 0.95 in a fine sweep), HNSW QPS over the exact scan's (target >= 20x), and the
 * exact scan's bandwidth as a share of the machine's (target >= 60%). Both bandwidth shares
 * are reported: against the run-time JS probe, and against the 36 GB/s C figure (docs/reference-figures.md).
 * Used by the aggregate pipelines benchmark; run alone it prints JSON.
 */
import { pathToFileURL } from "node:url";
import { annPipeline } from "@/lib/pipelines/ann";
import { chooseEf } from "@/lib/pipelines/ann/extrapolate";
import { describeMachine } from "../lib/machine";
import { round } from "../lib/stats";

export const ANN_TARGETS = { recall: 0.95, speedup: 20, bandwidthShare: 0.6 };

export async function benchAnn() {
  const params = annPipeline.paramsSchema.parse({
    n: 100_000,
    dim: 128,
    k: 10,
    queries: 1_000,
    efSweep: [12, 16, 20, 24, 32, 48, 64, 128],
  });
  const result = await annPipeline.run(params, { onProgress: () => {}, signal: new AbortController().signal });
  const chosen = chooseEf(result.hnsw.sweep, ANN_TARGETS.recall);
  const speedup = chosen.qps / result.exact.qps;
  const shareOfProbe = result.exact.bandwidthGBps / result.machine.bandwidth.gbps;
  const shareOfC = result.exact.bandwidthGBps / result.machine.referenceCBandwidthGBps;
  return {
    benchmark: "pipelines/ann",
    machine: describeMachine(),
    setup: `n = ${params.n}, dim = ${params.dim}, k = ${params.k}, ${params.queries} queries, M = ${params.M}, efConstruction = ${params.efConstruction}`,
    chosenEf: chosen.ef,
    recallAt10: round(chosen.recall, 4),
    hnswQps: round(chosen.qps, 0),
    hnswP50Ms: round(chosen.p50Ms, 4),
    exactQps: round(result.exact.qps, 1),
    speedup: round(speedup, 1),
    exactBandwidthGBps: round(result.exact.bandwidthGBps, 2),
    /** Run-time probe: a plain JS loop over 256 MB, an estimate below what C reaches. */
    probeBandwidthGBps: round(result.machine.bandwidth.gbps, 2),
    bandwidthShareOfProbe: round(shareOfProbe, 3),
    /** The C figure for this machine (36 GB/s, docs/reference-figures.md), measured once, not at run time. */
    bandwidthShareOfC: round(shareOfC, 3),
    buildSeconds: round(result.hnsw.buildMs / 1000, 2),
    sweep: result.hnsw.sweep.map((p) => ({ ef: p.ef, recall: round(p.recall, 4), qps: round(p.qps, 0) })),
    targets: ANN_TARGETS,
    met: {
      recall: chosen.recall >= ANN_TARGETS.recall,
      speedup: speedup >= ANN_TARGETS.speedup,
      bandwidthShareOfProbe: shareOfProbe >= ANN_TARGETS.bandwidthShare,
      bandwidthShareOfC: shareOfC >= ANN_TARGETS.bandwidthShare,
    },
    totalSeconds: round(result.totalMs / 1000, 1),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await benchAnn(), null, 2));
}
