import { describe, expect, it } from "vitest";
import { checkClaim } from "./claims";
import { chooseEf, defaultNlist, defaultPqBytes, extrapolate, ivfPqBytes, type MeasuredScale } from "./extrapolate";
import type { SweepPoint } from "./hnsw";

const sweep: SweepPoint[] = [
  { ef: 16, recall: 0.9, p50Ms: 0.05, p99Ms: 0.1, qps: 15_000 },
  { ef: 32, recall: 0.97, p50Ms: 0.1, p99Ms: 0.2, qps: 9_000 },
  { ef: 64, recall: 0.99, p50Ms: 0.2, p99Ms: 0.4, qps: 5_000 },
];
const measured: MeasuredScale = {
  n: 100_000,
  dim: 128,
  bytesPerVector: 660,
  operatingPoint: sweep[1] as SweepPoint,
  exactBandwidthGBps: 20,
};
const options = { pqBytes: 16, shardMemoryGB: 64 };

describe("IVF-PQ memory", () => {
  it("is n x (pqBytes + 8) + nlist x dim x 4", () => {
    // 1e6 x 24 + 4,000 x 512 = 24,000,000 + 2,048,000
    expect(ivfPqBytes(1e6, 128, 16, 4_000)).toBe(26_048_000);
    expect(defaultNlist(1e6)).toBe(4_000);
    expect(defaultPqBytes(128)).toBe(16);
  });
});

describe("chooseEf", () => {
  it("takes the smallest ef reaching the target, else the best recall", () => {
    expect(chooseEf(sweep).ef).toBe(32);
    expect(chooseEf(sweep, 0.995).ef).toBe(64);
  });
});

describe("extrapolate", () => {
  const x = extrapolate(measured, 1e9, options);

  it("scales memory linearly in n", () => {
    expect(x.hnswBytes).toBe(660e9);
    // int8 vectors: 1e9 x (660 - 512 + 128)
    expect(x.hnswInt8Bytes).toBe(276e9);
    expect(x.rawVectorBytes).toBe(512e9);
    // nlist = 4 x sqrt(1e9) = 126,491; 1e9 x 24 + 126,491 x 512
    expect(x.ivfPqBytes).toBe(24e9 + 126_491 * 512);
  });

  it("scales latency by ln(targetN) / ln(n) and shards by RAM", () => {
    // ln(1e9) / ln(1e5) = 9 / 5
    expect(x.p50Ms).toBeCloseTo(0.1 * 1.8, 12);
    expect(x.shards).toBe(11); // ceil(660 / 64)
    expect(x.perShardP50Ms).toBeCloseTo((0.1 * Math.log(1e9 / 11)) / Math.log(1e5), 12);
    // 512e9 bytes / 20e9 bytes/s = 25.6 s
    expect(x.exactScanMs).toBeCloseTo(25_600, 6);
  });

  it("is the measured figure at the measured n", () => {
    const same = extrapolate(measured, 100_000, options);
    expect(same.p50Ms).toBeCloseTo(0.1, 12);
    expect(same.hnswBytes).toBe(66e6);
  });
});

describe("checkClaim", () => {
  const atBillion = extrapolate(measured, 1e9, options);

  it("accepts a latency within 2x and rejects one 10x too fast", () => {
    // recall 0.97 -> ef 32; 0.1 ms x 1.8 = 0.18 ms expected
    const [ok] = checkClaim({ latencyMs: 0.1, recall: 0.97 }, 100_000, sweep, atBillion).filter(
      (c) => c.figure === "latencyMs",
    );
    expect(ok).toMatchObject({ verdict: "plausible", basis: "extrapolated" });
    expect(ok?.expected).toBeCloseTo(0.18, 12);
    const [fast] = checkClaim({ latencyMs: 0.01 }, 100_000, sweep, atBillion);
    expect(fast?.verdict).toBe("implausible");
  });

  it("places a memory figure on the layouts that fit it", () => {
    const check = (memoryGB: number) => checkClaim({ memoryGB }, 100_000, sweep, atBillion)[0];
    expect(check(700)?.reason).toMatch(/^fits HNSW with float32/);
    expect(check(250)?.reason).toMatch(/^fits only HNSW with int8/);
    expect(check(25)?.reason).toMatch(/^fits only IVF-PQ/);
    expect(check(5)?.verdict).toBe("implausible");
  });

  it("calls a recall above anything measured optimistic", () => {
    const [recall] = checkClaim({ recall: 0.999 }, 100_000, sweep, extrapolate(measured, 100_000, options));
    expect(recall).toMatchObject({ verdict: "optimistic", basis: "measured", expected: 0.99 });
  });
});
