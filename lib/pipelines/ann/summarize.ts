import type { ChartSpec, SummaryRow } from "../types";
import { chooseEf, extrapolationAssumptions } from "./extrapolate";
import type { SweepPoint } from "./hnsw";
import type { AnnResult } from "./run";

const num = (value: number, digits = 3) => Number(value.toPrecision(digits)).toLocaleString("en-US");
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const bytes = (value: number) =>
  value >= 1e12 ? `${num(value / 1e12)} TB` : value >= 1e9 ? `${num(value / 1e9)} GB` : `${num(value / 1e6)} MB`;
const pct = (value: number) => `${Math.round(value * 100)}%`;
const sweepText = (p: SweepPoint, k: number) =>
  `recall@${k} ${num(p.recall)}, p50 ${num(p.p50Ms)} ms, p99 ${num(p.p99Ms)} ms, ${int(p.qps)} QPS`;

/** Headline, rows (with the formula of every computed figure) and charts of an ANN run. */
export function summarizeAnn(result: AnnResult) {
  const { data, exact, hnsw, machine, params } = result;
  const k = params.k;
  const chosen = hnsw.sweep.find((p) => p.ef === hnsw.chosenEf) ?? chooseEf(hnsw.sweep);
  const speedup = chosen.qps / exact.qps;
  const headline = `HNSW (usearch, ef = ${chosen.ef}) reached recall@${k} ${num(chosen.recall)} at p50 ${num(chosen.p50Ms)} ms, ${num(speedup, 2)}x the exact scan's QPS, on ${int(data.n)} x ${data.dim} ${data.metric} vectors.`;
  const claimRows = (result.claim?.checks ?? []).map((c) => ({
    label: `Claim: ${c.figure} at n = ${int(result.claim?.scale ?? data.n)}`,
    value: `${num(c.claimed)} vs ${c.basis} ${num(c.expected)}: ${c.verdict} (${c.reason})`,
  }));
  const verdicts = (result.claim?.checks ?? []).map((c) => `${c.figure} ${c.verdict}`).join(", ");
  // Claim rows come first: a chat card shows only the first few rows.
  const rows: SummaryRow[] = [
    ...claimRows,
    {
      label: "Data",
      value: `${int(data.n)} vectors x ${data.dim} dims in ${data.clusters} Gaussian clusters (spread ${data.spread}, decay ${data.decay}: noise uses ~${num(data.effectiveDimensions, 2)} effective dims), ${int(data.queries)} queries, ${data.metric}, seed ${params.seed}`,
    },
    {
      label: "Memory bandwidth (measured in JavaScript)",
      value: `${num(machine.bandwidth.gbps)} GB/s: ${machine.bandwidth.method}`,
      formula: "bytes scanned / best pass time",
    },
    {
      label: "Exact scan (usearch SIMD, 1 thread)",
      value: `${int(exact.qps)} QPS, p50 ${num(exact.p50Ms)} ms, p99 ${num(exact.p99Ms)} ms`,
    },
    {
      label: "Exact scan bandwidth",
      value: `${num(exact.bandwidthGBps)} GB/s = ${pct(exact.bandwidthGBps / machine.bandwidth.gbps)} of the JavaScript measurement, ${pct(exact.bandwidthGBps / machine.referenceCBandwidthGBps)} of the ${machine.referenceCBandwidthGBps} GB/s a C loop reaches on this kind of machine`,
      formula: "n x dim x 4 bytes x QPS",
    },
    {
      label: "HNSW build (usearch)",
      value: `${num(hnsw.buildMs / 1000)} s on ${hnsw.buildThreads} threads, ${num(hnsw.buildCpuMs / 1000)} CPU-seconds (M = ${params.M} links a node, build width ${params.efConstruction})`,
    },
    ...hnsw.sweep.map((p) => ({ label: `HNSW ef = ${p.ef}`, value: sweepText(p, k) })),
    { label: "ef sweep method", value: hnsw.efMethod },
    {
      label: "HNSW speed-up over exact",
      value: `${num(speedup, 3)}x at ef = ${chosen.ef}`,
      formula: "HNSW QPS / exact QPS",
    },
    {
      label: "HNSW index size",
      value: `${bytes(hnsw.indexBytes)} (${int(hnsw.bytesPerVector)} bytes per vector, of which ${data.dim * 4} are the float32 vector)`,
      formula: "saved index length; bytes per vector = size / n",
    },
    { label: "Process RSS growth during the build", value: bytes(hnsw.rssDeltaBytes) },
    {
      label: "IVF-PQ memory (computed, not built)",
      value: `${bytes(result.ivfPq.bytes)} with ${result.ivfPq.pqBytes}-byte codes and nlist = ${int(result.ivfPq.nlist)}`,
      formula: `${result.ivfPq.formula} = ${int(data.n)} x (${result.ivfPq.pqBytes} + 8) + ${int(result.ivfPq.nlist)} x ${data.dim} x 4`,
    },
    ...crossCheckRows(result, k),
    ...extrapolationRows(result),
    { label: "Run time", value: `${num(result.totalMs / 1000)} s` },
  ];
  const assumptions = [
    "Latency is one query at a time on one thread; QPS = queries / total search time (no batching, no concurrency).",
    "Recall is measured against usearch's exact top-k on the same vectors.",
    "The vectors are deterministic for a seed; the HNSW graph is not (usearch inserts on several threads where the machine has the cores, so it depends on thread timing): recall moves by about 0.01 between runs.",
    ...(result.extrapolation || result.claim ? extrapolationAssumptions(data.n, params.shardMemoryGB) : []),
  ];
  return {
    headline: verdicts ? `${headline} Claim: ${verdicts}.` : headline,
    rows,
    charts: charts(result),
    assumptions,
  };
}

function crossCheckRows(result: AnnResult, k: number): SummaryRow[] {
  const check = result.crossCheck;
  if (!check)
    return [
      {
        label: "hnswlib-node cross-check",
        value: "not run (set hnswlib: true; for builds up to 25,000 x 128 at efConstruction 64)",
      },
    ];
  if (!check.available) return [{ label: "hnswlib-node cross-check", value: check.note }];
  return [
    { label: "HNSW build (hnswlib-node)", value: `${num(check.buildMs / 1000)} s, ${check.note}` },
    ...check.sweep.map((p) => ({ label: `hnswlib-node ef = ${p.ef}`, value: sweepText(p, k) })),
  ];
}

function extrapolationRows(result: AnnResult): SummaryRow[] {
  const x = result.extrapolation;
  if (!x) return [];
  const at = `(extrapolated to n = ${int(x.targetN)})`;
  return [
    { label: `HNSW float32 memory ${at}`, value: bytes(x.hnswBytes), formula: x.formulas.hnswBytes },
    { label: `HNSW int8 memory ${at}`, value: bytes(x.hnswInt8Bytes), formula: x.formulas.hnswInt8Bytes },
    {
      label: `IVF-PQ memory ${at}`,
      value: `${bytes(x.ivfPqBytes)}, nlist = ${int(x.ivfPqNlist)}`,
      formula: x.formulas.ivfPqBytes,
    },
    { label: `Full vectors for re-ranking ${at}`, value: bytes(x.rawVectorBytes), formula: x.formulas.rawVectorBytes },
    { label: `HNSW p50 at ef = ${x.ef} ${at}`, value: `${num(x.p50Ms)} ms, one index`, formula: x.formulas.p50Ms },
    {
      label: `Shards ${at}`,
      value: `${int(x.shards)} of ${result.params.shardMemoryGB} GB`,
      formula: x.formulas.shards,
    },
    { label: `Per-shard p50 ${at}`, value: `${num(x.perShardP50Ms)} ms + merge`, formula: x.formulas.perShardP50Ms },
    { label: `Exact scan per query ${at}`, value: `${num(x.exactScanMs)} ms`, formula: x.formulas.exactScanMs },
  ];
}

function charts(result: AnnResult): ChartSpec[] {
  const k = result.params.k;
  const curve = (name: string, sweep: SweepPoint[]) => ({
    name,
    points: [...sweep].sort((a, b) => a.ef - b.ef).map((p) => ({ x: p.p50Ms, y: p.recall })),
  });
  const cross = result.crossCheck?.available ? result.crossCheck : null;
  const chosen = result.hnsw.sweep.find((p) => p.ef === result.hnsw.chosenEf);
  const crossChosen = cross ? chooseEf(cross.sweep) : null;
  const bars = [
    { x: "exact (usearch SIMD)", y: result.exact.qps },
    ...(chosen ? [{ x: `usearch HNSW ef=${chosen.ef}`, y: chosen.qps }] : []),
    ...(crossChosen ? [{ x: `hnswlib-node ef=${crossChosen.ef}`, y: crossChosen.qps }] : []),
  ];
  return [
    {
      id: "recall-vs-latency",
      title: `Recall@${k} vs p50 latency, one point per ef`,
      xLabel: "p50 latency (ms)",
      yLabel: `recall@${k}`,
      kind: "line",
      series: [curve("usearch HNSW", result.hnsw.sweep), ...(cross ? [curve("hnswlib-node HNSW", cross.sweep)] : [])],
    },
    {
      id: "qps-per-engine",
      title: "Queries per second, one query at a time",
      xLabel: "engine",
      yLabel: "QPS",
      kind: "bar",
      series: [{ name: "QPS", points: bars }],
    },
  ];
}
