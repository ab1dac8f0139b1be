import { describe, expect, it } from "vitest";
import { ceilTolerant, computeCapacity, defaultIvfLists } from "./compute";
import { type CapacityParams, capacityParamsSchema } from "./params";

const params = (overrides: Partial<CapacityParams> = {}) => capacityParamsSchema.parse(overrides);

describe("computeCapacity: worked examples", () => {
  it("traffic: 200M DAU × 10 actions at a peak factor of 3", () => {
    const r = computeCapacity(params({ dau: 200e6, actionsPerUserPerDay: 10, peakFactor: 3 }));
    // 200M × 10 = 2B events a day; 2B / 86,400 s = 23,148.148/s; × 3 = 69,444.444/s.
    expect(r.eventsPerDay).toBe(2e9);
    expect(r.averageQps).toBeCloseTo(23_148.148148, 5);
    expect(r.peakQps).toBeCloseTo(69_444.444444, 5);
    // 2B events × 200 B = 400 GB a day; × 365 = 146 TB a year.
    expect(r.eventStoragePerDayBytes).toBe(400e9);
    expect(r.eventStoragePerYearBytes).toBe(146e12);
    // Bandwidth: 23,148.148/s × 200 B = 4.63 MB/s; 69,444.444/s × 200 B = 13.89 MB/s.
    expect(r.bandwidth.averageBytesPerSecond).toBeCloseTo(4_629_629.63, 1);
    expect(r.bandwidth.peakBytesPerSecond).toBeCloseTo(13_888_888.89, 1);
    // 69,444.444 / 1,000 × 3 replicas = 208.33, rounded up to 209.
    expect(r.servers.exact).toBeCloseTo(208.333333, 5);
    expect(r.servers.needed).toBe(209);
  });

  it("500M DAU × 10 actions is 57,870 requests a second on average", () => {
    // 5B / 86,400 = 57,870.37/s.
    expect(computeCapacity(params({ dau: 500e6 })).averageQps).toBeCloseTo(57_870.37, 2);
  });

  it("index memory: 1B × 128-d float32", () => {
    const r = computeCapacity(params({ items: 1e9, dim: 128, bytesPerValue: 4, hnswM: 16, pqBytesPerVector: 16 }));
    // Flat: 1e9 × 128 × 4 B = 512 GB, the same as one copy of the embeddings.
    expect(r.index.flatBytes).toBe(512e9);
    expect(r.embeddingStorageBytes).toBe(512e9);
    // HNSW links: 1e9 × 16 × 2 × 4 B = 128 GB; total 640 GB.
    expect(r.index.hnswLinkBytes).toBe(128e9);
    expect(r.index.hnswBytes).toBe(640e9);
    // IVF-PQ: 4·√1e9 = 126,491 lists; 1e9 × (16 + 8) B = 24 GB of codes and ids,
    // centroids and codebooks (126,491 + 256) × 128 × 4 B = 64,894,464 B; total 24,064,894,464 B.
    expect(r.params.ivfLists).toBe(126_491);
    expect(r.index.ivfCentroidBytes).toBe(64_894_464);
    expect(r.index.ivfPqBytes).toBe(24_064_894_464);
  });

  it.each([
    // [items, dim, bytes per value, M, flat, HNSW]
    [100e6, 128, 4, 16, 51.2e9, 64e9], // 100M × 128 × 4 = 51.2 GB; + 100M × 128 B of links = 12.8 GB
    [10e6, 768, 2, 32, 15.36e9, 17.92e9], // 10M × 768 × 2 = 15.36 GB; + 10M × 32 × 8 B = 2.56 GB
    [1e6, 256, 1, 8, 256e6, 320e6], // 1M × 256 × 1 = 256 MB; + 1M × 8 × 8 B = 64 MB
  ])("flat and HNSW for %d × %d-d at %d B, M=%d", (items, dim, bytesPerValue, hnswM, flat, hnsw) => {
    const r = computeCapacity(params({ items, dim, bytesPerValue, hnswM }));
    expect(r.index.flatBytes).toBeCloseTo(flat, 0);
    expect(r.index.hnswBytes).toBeCloseTo(hnsw, 0);
  });

  it("uses a given number of IVF lists", () => {
    // 1e9 × (16 + 8) + (65,536 + 256) × 128 × 4 = 24e9 + 65,792 × 512 = 24e9 + 33,685,504.
    expect(computeCapacity(params({ ivfLists: 65_536 })).index.ivfPqBytes).toBe(24_033_685_504);
  });

  it("does not round up floating-point dust into an extra server", () => {
    // 86.4M × 10 / 86,400 = 10,000/s; × 3 = 30,000/s; / 1,000 × 3 = exactly 90 servers.
    expect(computeCapacity(params({ dau: 86.4e6 })).servers.needed).toBe(90);
    expect(ceilTolerant(300.00000000000006)).toBe(300);
    expect(ceilTolerant(300.1)).toBe(301);
  });

  it("sets a claimed memory beside the closest estimate", () => {
    // 64 GB for 100M × 128-d float32: flat 51.2 GB, HNSW 64 GB, IVF-PQ 2.42 GB; HNSW matches (1.00×).
    const r = computeCapacity(params({ items: 100e6, claimedMemoryGB: 64 }));
    expect(r.claim).toEqual({ claimedBytes: 64e9, closest: "hnsw", ratio: 1 });
    // 10 GB sits between IVF-PQ (2.42 GB, 4.1× under) and flat (51.2 GB, 5.1× over): IVF-PQ is nearer.
    expect(computeCapacity(params({ items: 100e6, claimedMemoryGB: 10 })).claim?.closest).toBe("ivfPq");
  });

  it("follows FAISS's 4·√n rule for the default list count", () => {
    expect([defaultIvfLists(1e9), defaultIvfLists(100e6), defaultIvfLists(1)]).toEqual([126_491, 40_000, 4]);
  });
});
