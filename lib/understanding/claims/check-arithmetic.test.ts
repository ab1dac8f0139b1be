import { describe, expect, it } from "vitest";
import { parseQuantities } from "../quantities/parse-quantities";
import { checkArithmeticClaims } from "./check-arithmetic";

const first = (sentence: string, context: string[] = []) =>
  checkArithmeticClaims(sentence, { quantities: context.flatMap((s) => parseQuantities(s)) })[0];

describe("checkArithmeticClaims: memory", () => {
  it("1 billion 256-dim float32 vectors are 1.02 TB, 16× the claimed 64 GB", () => {
    const check = first("1 billion 256-dim float32 vectors fit in 64 GB.");
    // 1e9 × 256 × 4 B = 1.024e12 B; 1.024e12 / 64e9 = 16.
    expect(check).toMatchObject({ kind: "memory", verdict: "too_low", expected: 1.024e12, claimed: { value: 64e9 } });
    expect(check?.factor).toBeCloseTo(16, 9);
    expect(check?.formula).toBe("1,000,000,000 × 256 × 4 B = 1.02 TB");
    expect(check?.headline).toContain("1.02 TB");
    expect(check?.headline).toContain("64 GB");
  });

  it.each([
    // [sentence, verdict, expected raw bytes]
    ["100 million 128-dimensional float32 embeddings take about 51 GB of RAM.", "consistent", 51.2e9], // 1e8 × 128 × 4
    ["The index for 100M 768-d vectors in fp16 is around 150 GB.", "consistent", 153.6e9], // 1e8 × 768 × 2
    ["10 million 512-dim vectors need about 2 TB of memory.", "too_high", 20.48e9], // 1e7 × 512 × 4
    ["With int8, 1B 128-dim vectors fit in 128 GB.", "consistent", 128e9], // 1e9 × 128 × 1
    ["500 million 384-dimensional vectors at 4 bytes per value is roughly 20 GB.", "too_low", 768e9],
  ])("%s → %s", (sentence, verdict, expected) => {
    expect(first(sentence)).toMatchObject({ kind: "memory", verdict, expected });
  });

  it("says float32 was assumed when no format was stated", () => {
    expect(first("10 million 512-dim vectors need about 2 TB of memory.")?.assumptions[0]).toMatch(
      /float32 \(4 bytes a value\)/,
    );
  });

  it("counts HNSW links at the tolerance edge", () => {
    // Raw 51.2 GB, with links 51.2 + 1e8 × 16 × 2 × 4 = 64 GB: 80 GB is 1.25× 64 GB (consistent),
    // 30 GB is 51.2 / 30 = 1.71× under the raw size (too low).
    expect(first("100 million 128-d float32 vectors take about 80 GB.")?.verdict).toBe("consistent");
    expect(first("100 million 128-d float32 vectors take about 30 GB.")?.verdict).toBe("too_low");
    // 51.2 / 1.5 = 34.133 GB is the lower edge: 34.1334 GB is just inside it.
    expect(first("100 million 128-d float32 vectors take about 34.1334 GB.")?.verdict).toBe("consistent");
  });

  it("cannot check without a dimension, and asks for it", () => {
    const check = first("We'll hold 200 million item embeddings in about 100 GB of memory.");
    expect(check).toMatchObject({ kind: "memory", verdict: "cannot_check", missing: ["the embedding dimension"] });
    expect(check?.headline).toBe(
      "I can't check 100 GB without the embedding dimension: what dimension are the vectors?",
    );
  });

  it("fills a missing input from the ledger", () => {
    // 1e9 × 256 × 4 = 1.024 TB against 1 TB.
    expect(first("So 1 billion vectors need about 1 TB of RAM.", ["Each embedding has 256 dimensions."])?.verdict).toBe(
      "consistent",
    );
    // 3e8 × 128 × 4 = 153.6 GB against 150 GB.
    expect(
      first("With 128-dim float32 embeddings the index is about 150 GB.", ["We have 300 million items."]),
    ).toMatchObject({
      verdict: "consistent",
      expected: 153.6e9,
    });
  });
});

describe("checkArithmeticClaims: one machine", () => {
  it("6 billion vectors on one core need 3.07 TB (128-d float32 assumed), more than 1 TB", () => {
    const check = first("top 100 of 6 billion in 1 ms on one core, no sharding");
    // 6e9 × 128 × 4 = 3.072e12 B.
    expect(check).toMatchObject({ kind: "memory", verdict: "too_low", expected: 3.072e12 });
    expect(check?.assumptions.join(" ")).toMatch(/128-dim vectors, since no dimension was stated/);
    expect(check?.assumptions.join(" ")).toMatch(/1 TB of RAM/);
  });

  it("uses the candidate's dimension and HNSW links, and accepts a corpus that fits", () => {
    // 5e8 × 768 × 4 = 1.536 TB, + 5e8 × 128 B of links = 1.6 TB > 1 TB.
    expect(first("A single node can hold and search 500 million 768-dim vectors with HNSW.")).toMatchObject({
      verdict: "too_low",
      expected: 1.6e12,
    });
    // 2e7 × 128 × 4 = 10.24 GB + 2.56 GB of links fits.
    expect(first("On one machine, HNSW over 20 million 128-d vectors gives 3 ms p99.")?.verdict).toBe("consistent");
  });
});

describe("checkArithmeticClaims: traffic", () => {
  it("500 million users × 5 visits a day is about 28,900 a second, not 3,000", () => {
    const check = first("500 million users × 5 visits a day is about 3,000 requests per second.");
    // 2.5e9 / 86,400 = 28,935.19/s.
    expect(check).toMatchObject({ kind: "qps", verdict: "too_low" });
    expect(check?.expected).toBeCloseTo(28_935.185, 2);
    expect(check?.headline).toBe(
      "500 million users × 5 visits a day is about 28,900 requests per second on average, not 3,000.",
    );
  });

  it.each([
    ["200 million DAU with 10 searches per user per day is about 23,000 QPS on average.", "consistent"], // 23,148/s
    ["100 million daily users each making 10 requests a day gives around 100,000 QPS average.", "too_high"], // 11,574/s
    ["1 billion users doing 3 searches a day, peak around 100,000 QPS.", "consistent"], // avg 34,722; peak ≤ 5×
    ["Peak at 3x: 300 million DAU × 10 requests a day gives a peak of about 10,000 QPS.", "too_low"], // 104,167/s
    ["We have 1B DAU × 50 actions per day, so peak is about 20,000 QPS.", "too_low"], // below the 578,704/s average
  ])("qps: %s → %s", (sentence, verdict) => expect(first(sentence)).toMatchObject({ kind: "qps", verdict }));

  it("confirms a right figure with the figure in the headline", () => {
    expect(first("200 million DAU with 10 searches per user per day is about 23,000 QPS.")?.headline).toBe(
      "Right: 200 million DAU × 10 searches per user per day is about 23,100 requests per second on average.",
    );
  });

  it.each([
    ["At 100,000 peak QPS and 2,000 QPS per server with 3 replicas we need 150 servers.", "consistent", 150],
    ["Peak is 50,000 QPS; each server handles 1,000 QPS, so 10 servers are enough.", "too_low", 50],
    ["With 20k QPS at peak and 500 QPS per machine we need about 400 machines.", "too_high", 40],
    ["At 10,000 QPS and 3,000 QPS per server we need 4 servers.", "consistent", 4], // 3.33 rounded up
  ])("servers: %s → %s (%d)", (sentence, verdict, expected) =>
    expect(first(sentence)).toMatchObject({ kind: "servers", verdict, expected }),
  );

  it("servers: takes the peak from the ledger, or asks for the per-server QPS", () => {
    expect(
      first("Each node serves 1,000 QPS, so we need around 70 nodes.", ["Peak traffic is about 70,000 QPS."]),
    ).toMatchObject({
      verdict: "consistent",
      expected: 70,
    });
    expect(first("We need about 30 GPUs for 60,000 QPS.")).toMatchObject({
      verdict: "cannot_check",
      missing: ["the QPS one server handles"],
    });
  });

  it.each([
    ["30,000 QPS with 10 KB responses is about 300 MB/s of egress.", "consistent", 3e8],
    ["At 50,000 requests per second and 100 KB per response we need about 1 Gbps.", "too_low", 5e9],
    ["10,000 QPS at 2 KB per request is around 2 GB/s of bandwidth.", "too_high", 2e7],
  ])("bandwidth: %s → %s", (sentence, verdict, expected) =>
    expect(first(sentence)).toMatchObject({ kind: "bandwidth", verdict, expected }),
  );
});

describe("checkArithmeticClaims: storage", () => {
  it.each([
    [
      "500 million users each generate 20 events a day at 200 bytes per event, so about 2 TB a day.",
      "consistent",
      2e12,
    ],
    ["We log 1 billion events per day at 1 KB each, that's about 100 GB a day.", "too_low", 1e12],
    ["100 million daily events of 500 bytes is about 18 TB a year.", "consistent", 18.25e12],
    ["10 million uploads a day at 2 MB each means roughly 200 TB per day of storage.", "too_high", 2e13],
  ])("%s → %s", (sentence, verdict, expected) => {
    const check = first(sentence);
    expect(check).toMatchObject({ kind: "storage", verdict });
    expect(check?.expected).toBeCloseTo(expected, -3);
  });

  it("states the tolerance on every checked card", () => {
    expect(first("We log 1 billion events per day at 1 KB each, that's about 100 GB a day.")?.assumptions).toContain(
      "A figure within 1.5× of the arithmetic either way counts as consistent: the inputs are rounded.",
    );
  });

  it("finds nothing to check in a bare figure or a sentence without numbers", () => {
    expect(checkArithmeticClaims("The service handles 5,000 QPS.")).toEqual([]);
    expect(checkArithmeticClaims("I would use a two-tower model.")).toEqual([]);
  });
});
