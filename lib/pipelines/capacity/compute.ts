/**
 * Back-of-envelope capacity arithmetic for a recommender or search system: traffic, storage,
 * vector-index memory and servers. Pure functions, so every figure can be checked by hand.
 */
import type { CapacityParams } from "./params";

export const SECONDS_PER_DAY = 86_400;
/** HNSW stores neighbour ids as 4-byte integers (hnswlib, FAISS). */
export const HNSW_LINK_BYTES = 4;
/** IVF-PQ keeps an 8-byte id per vector beside its code (FAISS's idx_t). */
export const IVF_ID_BYTES = 8;
/** A PQ sub-quantizer has 2^8 = 256 centroids (one byte a code). */
export const PQ_CENTROIDS = 256;
/** FAISS keeps coarse centroids and PQ codebooks in float32 whatever the vectors' width. */
export const CENTROID_BYTES = 4;

export type IndexKind = "flat" | "hnsw" | "ivfPq";

export interface CapacityResult {
  /** The parameters, with `ivfLists` resolved, so a summary can show every formula. */
  params: CapacityParams & { ivfLists: number };
  averageQps: number;
  peakQps: number;
  eventsPerDay: number;
  eventStoragePerDayBytes: number;
  eventStoragePerYearBytes: number;
  embeddingStorageBytes: number;
  index: {
    flatBytes: number;
    hnswLinkBytes: number;
    hnswBytes: number;
    ivfCentroidBytes: number;
    ivfPqBytes: number;
  };
  bandwidth: { averageBytesPerSecond: number; peakBytesPerSecond: number };
  /** Servers before and after rounding up: peak QPS / per-server QPS × replication. */
  servers: { exact: number; needed: number };
  /** The candidate's stated memory beside the closest estimate, when one was given. */
  claim?: { claimedBytes: number; closest: IndexKind; ratio: number };
}

/** FAISS's rule of thumb for the number of IVF lists: about 4·√n, at least 1. */
export function defaultIvfLists(items: number): number {
  return Math.max(1, Math.round(4 * Math.sqrt(items)));
}

/** Rounds up, ignoring floating-point dust: 300.00000000000006 servers is 300, not 301. */
export function ceilTolerant(value: number): number {
  return Math.ceil(value - 1e-9 * Math.max(1, Math.abs(value)));
}

/** Every figure of the capacity estimate from the parameters. */
export function computeCapacity(input: CapacityParams): CapacityResult {
  const params = { ...input, ivfLists: input.ivfLists ?? defaultIvfLists(input.items) };
  const { dau, actionsPerUserPerDay, peakFactor, items, dim, bytesPerValue, bytesPerEvent } = params;
  const eventsPerDay = dau * actionsPerUserPerDay;
  const averageQps = eventsPerDay / SECONDS_PER_DAY;
  const peakQps = averageQps * peakFactor;
  const flatBytes = items * dim * bytesPerValue;
  // Layer 0 of HNSW holds 2·M links a node; the upper layers add about 1/M more and are left out.
  const hnswLinkBytes = items * params.hnswM * 2 * HNSW_LINK_BYTES;
  const ivfCentroidBytes = (params.ivfLists + PQ_CENTROIDS) * dim * CENTROID_BYTES;
  const index = {
    flatBytes,
    hnswLinkBytes,
    hnswBytes: flatBytes + hnswLinkBytes,
    ivfCentroidBytes,
    ivfPqBytes: items * (params.pqBytesPerVector + IVF_ID_BYTES) + ivfCentroidBytes,
  };
  const exactServers = (peakQps / params.perServerQps) * params.replication;
  return {
    params,
    averageQps,
    peakQps,
    eventsPerDay,
    eventStoragePerDayBytes: eventsPerDay * bytesPerEvent,
    eventStoragePerYearBytes: eventsPerDay * bytesPerEvent * 365,
    embeddingStorageBytes: flatBytes,
    index,
    bandwidth: { averageBytesPerSecond: averageQps * bytesPerEvent, peakBytesPerSecond: peakQps * bytesPerEvent },
    servers: { exact: exactServers, needed: ceilTolerant(exactServers) },
    ...(params.claimedMemoryGB === undefined ? {} : { claim: compareClaim(params.claimedMemoryGB * 1e9, index) }),
  };
}

/** The index whose size is closest to the claim on a log scale (2× over and 2× under are equally far). */
function compareClaim(claimedBytes: number, index: CapacityResult["index"]): NonNullable<CapacityResult["claim"]> {
  const estimates: Array<[IndexKind, number]> = [
    ["flat", index.flatBytes],
    ["hnsw", index.hnswBytes],
    ["ivfPq", index.ivfPqBytes],
  ];
  const distance = (estimate: number) => Math.abs(Math.log(claimedBytes / estimate));
  const [closest, estimate] = estimates.reduce((best, next) => (distance(next[1]) < distance(best[1]) ? next : best));
  return { claimedBytes, closest, ratio: claimedBytes / estimate };
}
