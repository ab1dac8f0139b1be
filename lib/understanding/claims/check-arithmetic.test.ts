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

describe("checkArithmeticClaims: general mechanisms", () => {
  const all = (sentence: string, context: string[] = []) =>
    checkArithmeticClaims(sentence, { quantities: context.flatMap((s) => parseQuantities(s)) });

  it.each([
    // [sentence, context, kind, verdict, expected in base units] — each value worked by hand.
    // Memory: any noun beside a dimension is the count of vectors. 6e8 × 64 × 4 B = 153.6 GB.
    ["600M riders times 64 floats is about 150 GB of RAM.", [], "memory", "consistent", 1.536e11],
    // A product n × d × width with a bare d. 8e7 × 384 × 1 B = 30.72 GB.
    ["80M docs x 384 x 1 byte is around 31 GB.", [], "memory", "consistent", 3.072e10],
    // A size of a value width is the format. 3e6 × 512 × 8 B = 12.29 GB.
    ["3M clips x 512 dims x 8 bytes, so ~12 GB.", [], "memory", "consistent", 1.2288e10],
    // A hedged total "of embeddings", inputs from the ledger. 14e6 × 128 × 4 B = 7.168 GB.
    [
      "That's about 7 GB of embeddings.",
      ["We index 14M recipes.", "Each recipe gets a 128-dim float32 vector."],
      "memory",
      "consistent",
      7.168e9,
    ],
    // Vague quantifier as the claim. 2e7 × 256 × 2 B = 10.24 GB; "a few hundred gigs" = 300 GB.
    ["20M clips at 256 dims in fp16 is a few hundred gigs.", [], "memory", "too_high", 1.024e10],
    // QPS: any noun is the population beside a per-user rate. 12e6 × 200 / 86,400 = 27,778.
    ["12 million drivers each ping 200 times a day, about 28k QPS.", [], "qps", "consistent", 27_777.78],
    // "N each" beside daily users is a day's. 5e6 × 40 / 86,400 = 2,314.8.
    ["With 5M DAU doing 40 lookups each, roughly 2,300 QPS.", [], "qps", "consistent", 2_314.81],
    // A daily total opened by "Daily" is an input, not a claim. 4e9 / 86,400 = 46,296.
    ["Daily we see 4B page views, about 46k QPS.", [], "qps", "consistent", 46_296.3],
    // Storage: a clause opened by a period. 3e6 × 24 × 400 B = 28.8 GB a day.
    ["Each hour we write 3M rows at 400 bytes each, so about 29 GB a day.", [], "storage", "consistent", 2.88e10],
    // "annually" is a year. 2e8 × 1 KB × 365 = 73 TB.
    ["Ingesting 200M events daily at 1 KB each is roughly 73 TB annually.", [], "storage", "consistent", 7.3e13],
    // A size over a stated duration. 1e7 × 2 KB × 90 days = 1.8 TB.
    ["Over 3 months, 10M orders a day at 2 KB each come to about 1.8 TB.", [], "storage", "consistent", 1.8e12],
    // Servers: the claim counts the unit the per-unit rate names. 18,000 / 2,000 = 9.
    ["Each replica absorbs 2k QPS; at 18k QPS peak we'd run about 9 replicas.", [], "servers", "consistent", 9],
    // Elided unit and a unit named only in the ledger. 100,000 / 4,000 = 25.
    [
      "So roughly 25 brokers.",
      ["Peak is 100k QPS.", "Each broker handles 4k requests a second."],
      "servers",
      "consistent",
      25,
    ],
    // A bare number after "each X handles" takes the load's unit. 60,000 / 1,500 = 40; 10 is 4× too few.
    ["Peak is 60k QPS and each proxy handles 1.5k, so 10 proxies.", [], "servers", "too_low", 40],
    // Bandwidth: "Each response is 50 KB" is a size per response. 6,000 × 50 KB = 300 MB/s = 2.4 Gbps.
    [
      "That's roughly 2.4 Gbps.",
      ["We serve 6k requests per second.", "Each response is 50 KB."],
      "bandwidth",
      "consistent",
      3e8,
    ],
  ] as const)("%s", (sentence, context, kind, verdict, expected) => {
    const check = all(sentence, [...context])[0];
    expect(check).toMatchObject({ kind, verdict });
    expect(Math.abs((check?.expected ?? 0) / expected - 1)).toBeLessThan(1e-3);
  });

  it("judges each claimed rate against its own clause: average, then a peak at the stated factor", () => {
    const context = ["We have 30M DAU.", "Each user sends 26 requests a day."];
    // 30e6 × 26 / 86,400 = 9,027.8 average; × 3 = 27,083 at peak.
    const right = all("That's ~9k QPS on average, and with a 3x peak around 27k.", context)[0];
    expect(right).toMatchObject({ kind: "qps", verdict: "consistent" });
    // 90k is 3.3× the 27,083 peak: the wrong figure is the one reported.
    const wrong = all("That's ~9k QPS on average, and with a 3x peak around 90k.", context)[0];
    expect(wrong).toMatchObject({ kind: "qps", verdict: "too_high", claimed: { value: 90_000 } });
    expect(wrong?.expected).toBeCloseTo(27_083.33, 1);
  });

  it.each([
    // [sentence, kind] of a hedged or concluded figure with nothing to check it against.
    ["The vector index should be roughly 90 GB.", "memory"],
    ["We'll run maybe 200 GPUs for inference.", "servers"],
    ["So we're looking at about 500 QPS.", "qps"],
    ["That's 5 TB per day of impression logs.", "storage"],
    ["Egress should be around 3 GB/s.", "bandwidth"],
  ])("a hedged bare figure is a claim that cannot be checked: %s", (sentence, kind) => {
    expect(all(sentence)[0]).toMatchObject({ kind, verdict: "cannot_check" });
  });

  it.each([
    "The vector index is 90 GB.",
    "We run 40 hosts.",
    "The endpoint handles 12,000 QPS.",
    "Ingest is 500 MB/s.",
  ])("a figure stated as a given is no claim: %s", (sentence) => expect(all(sentence)).toEqual([]));
});
