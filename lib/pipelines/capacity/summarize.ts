/**
 * Turns a capacity result into rows whose formulas carry the numbers, so a candidate can redo
 * each step ("500M × 10 / 86,400 s = 57,870/s") and see where their own estimate parted.
 */
import type { ChartSpec, SummaryRow } from "../types";
import { type CapacityResult, HNSW_LINK_BYTES, type IndexKind, IVF_ID_BYTES, PQ_CENTROIDS } from "./compute";
import { bitsPerSecond, bytes, count, grouped, rate, valueType } from "./format";

const INDEX_NAMES: Record<IndexKind, string> = { flat: "flat", hnsw: "HNSW", ivfPq: "IVF-PQ" };

const bytesAndBits = (perSecond: number) => `${bytes(perSecond)}/s = ${bitsPerSecond(perSecond)}`;
/** The unrounded server count keeps a decimal, so the rounding up that follows is visible. */
const oneDecimal = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });

function trafficRows(r: CapacityResult): SummaryRow[] {
  const { dau, actionsPerUserPerDay: actions, peakFactor, bytesPerEvent, perServerQps, replication } = r.params;
  const perDay = `${count(dau)} × ${count(actions)} / 86,400 s`;
  return [
    { label: "Average QPS", value: rate(r.averageQps), formula: `${perDay} = ${rate(r.averageQps)}` },
    { label: "Peak QPS", value: rate(r.peakQps), formula: `${perDay} × ${grouped(peakFactor)} = ${rate(r.peakQps)}` },
    {
      label: "Event storage per day",
      value: bytes(r.eventStoragePerDayBytes),
      formula: `${count(dau)} × ${count(actions)} × ${bytes(bytesPerEvent)} = ${bytes(r.eventStoragePerDayBytes)}`,
    },
    {
      label: "Event storage per year",
      value: bytes(r.eventStoragePerYearBytes),
      formula: `${bytes(r.eventStoragePerDayBytes)} × 365 = ${bytes(r.eventStoragePerYearBytes)}`,
    },
    {
      label: "Average bandwidth (events)",
      value: bitsPerSecond(r.bandwidth.averageBytesPerSecond),
      formula: `${rate(r.averageQps)} × ${bytes(bytesPerEvent)} = ${bytesAndBits(r.bandwidth.averageBytesPerSecond)}`,
    },
    {
      label: "Peak bandwidth (events)",
      value: bitsPerSecond(r.bandwidth.peakBytesPerSecond),
      formula: `${rate(r.peakQps)} × ${bytes(bytesPerEvent)} = ${bytesAndBits(r.bandwidth.peakBytesPerSecond)}`,
    },
    {
      label: "Servers needed",
      value: grouped(r.servers.needed),
      formula: `${rate(r.peakQps)} / ${rate(perServerQps)} × ${replication} replicas = ${oneDecimal(r.servers.exact)} → ${grouped(r.servers.needed)}`,
    },
  ];
}

function memoryRows(r: CapacityResult): SummaryRow[] {
  const { items, dim, bytesPerValue, hnswM, pqBytesPerVector, ivfLists } = r.params;
  const { flatBytes, hnswBytes, ivfPqBytes } = r.index;
  const flat = `${count(items)} × ${dim} × ${bytesPerValue} B`;
  const rows: SummaryRow[] = [
    { label: "Embedding storage", value: bytes(r.embeddingStorageBytes), formula: `${flat} = ${bytes(flatBytes)}` },
    { label: "Index memory, flat", value: bytes(flatBytes), formula: `${flat} = ${bytes(flatBytes)}` },
    {
      label: "Index memory, HNSW",
      value: bytes(hnswBytes),
      formula: `${bytes(flatBytes)} + ${count(items)} × ${hnswM} × 2 × ${HNSW_LINK_BYTES} B = ${bytes(hnswBytes)}`,
    },
    {
      label: "Index memory, IVF-PQ",
      value: bytes(ivfPqBytes),
      formula: `${count(items)} × (${pqBytesPerVector} + ${IVF_ID_BYTES}) B + (${grouped(ivfLists)} + ${PQ_CENTROIDS}) × ${dim} × 4 B = ${bytes(ivfPqBytes)}`,
    },
  ];
  if (r.claim) {
    const estimate = r.index[`${r.claim.closest}Bytes`];
    // First, so that a chat card showing only the first rows still shows the comparison.
    rows.unshift({
      label: "Your stated memory",
      value: bytes(r.claim.claimedBytes),
      formula: `${bytes(r.claim.claimedBytes)} / ${bytes(estimate)} ${INDEX_NAMES[r.claim.closest]} = ${r.claim.ratio.toFixed(2)}×`,
    });
  }
  return rows;
}

function headline(r: CapacityResult): string {
  const { items, dim, bytesPerValue, perServerQps, replication } = r.params;
  const memory = `${count(items)} × ${dim}-d ${valueType(bytesPerValue)} vectors take ${bytes(r.index.flatBytes)} flat, ${bytes(r.index.hnswBytes)} as HNSW and ${bytes(r.index.ivfPqBytes)} as IVF-PQ`;
  const servers = `${rate(r.peakQps)} at peak needs ${grouped(r.servers.needed)} servers at ${rate(perServerQps)} each with ${replication} replicas`;
  if (!r.claim) return `${servers}; ${memory}.`;
  const name = INDEX_NAMES[r.claim.closest];
  return `${memory}: your ${bytes(r.claim.claimedBytes)} is ${r.claim.ratio.toFixed(2)}× the ${name} estimate, the closest.`;
}

function memoryChart(r: CapacityResult): ChartSpec {
  const points = (["flat", "hnsw", "ivfPq"] as const).map((kind) => ({
    x: INDEX_NAMES[kind],
    y: r.index[`${kind}Bytes`] / 1e9,
  }));
  const series = [{ name: "estimate", points }];
  if (r.claim) {
    const claimed = r.claim.claimedBytes / 1e9;
    series.push({ name: "your figure", points: points.map(({ x }) => ({ x, y: claimed })) });
  }
  return {
    id: "index-memory",
    title: "Index memory by index type",
    xLabel: "index",
    yLabel: "GB",
    kind: "bar",
    series,
  };
}

/** Headline, one row per figure with its formula, and a chart of index memory. */
export function summarizeCapacity(r: CapacityResult) {
  return {
    headline: headline(r),
    // With a claimed memory, the memory rows lead: the check is about them.
    rows: r.claim ? [...memoryRows(r), ...trafficRows(r)] : [...trafficRows(r), ...memoryRows(r)],
    charts: [memoryChart(r)],
    assumptions: [
      "Decimal units: 1 GB = 10^9 bytes; a day is 86,400 s and every action is one request and one logged event.",
      "Index memory is one full copy; each replica holds its own. HNSW counts 2·M four-byte links a vector on layer 0 (upper layers add about 1/M more).",
      "IVF-PQ keeps a code and an 8-byte id a vector, plus float32 coarse centroids (4·√n lists unless set) and PQ codebooks (256 × dim floats).",
      "Servers = peak QPS / per-server QPS × replication, rounded up once; no headroom for failures or deploys is added.",
    ],
  };
}
