/**
 * The third round's mechanisms, each on wording of its own (not the benchmark's), with values
 * checked by hand: articles as one, multiplier words, a period opening a size's clause, loads named
 * around a bare number, one unit's share after an operator or as a pronoun, storage as units that
 * cancel (any period, counts borrowing the claim's period, retention, stocks, compression, copies),
 * fleets from a ledger's peak factor, copies on the last figure, memory from values each row holds
 * or from the ledger, QPS from users × actions, and when a latency is an ANN or funnel claim.
 */
import { describe, expect, it } from "vitest";
import { findChecks } from "@/lib/interview/detect-claims";
import { parseQuantities } from "../quantities/parse-quantities";
import { checkArithmeticClaims } from "./check-arithmetic";

const find = (text: string, sub: string) => parseQuantities(text).find((q) => q.text.startsWith(sub));
const close = (a: number | undefined, b: number) => expect(Math.abs((a ?? Number.NaN) / b - 1)).toBeLessThan(1e-6);
const first = (sentence: string, context: string[] = []) =>
  checkArithmeticClaims(sentence, { quantities: context.flatMap((s) => parseQuantities(s)) })[0];

describe("parser: articles, multipliers, periods, loads, shares", () => {
  it.each([
    // [sentence, prefix of the quantity, kind, value in base units]
    ["Each row is roughly a kilobyte", "a kilobyte", "bytes", 1e3],
    ["lookups finish in under a millisecond", "a millisecond", "duration", 1e-3],
    ["we keep a week of traces", "a week", "duration", 604_800],
    ["Per day we write 2 TB of traces", "2 TB", "rate", 2e12 / 86_400], // a period opening the clause
    ["Every week we add 70 GB", "70 GB", "rate", 70e9 / 604_800],
    ["1.2B calls per day, or 14k average", "14k", "rate", 14_000], // a load named after the number
    ["each user makes 8 calls a day, so QPS is roughly 12k", "12k", "rate", 12_000], // named before it
    ["120k rps / 4k per node", "4k", "rate", 4_000], // one unit's share after an operator
    ["10 TB a day for 300 million of them", "300 million", "count", 3e8], // "of them" counts things
  ])("%s: %s is %s %d", (sentence, prefix, kind, value) => {
    const q = find(sentence, prefix);
    expect(q?.kind).toBe(kind);
    close(q?.value, value);
  });

  it("drops an article that is a number's own period", () => {
    expect(parseQuantities("about 5,000 a second")).toMatchObject([{ kind: "rate", value: 5_000 }]);
  });

  it.each([
    ["the blobs are replicated twice", 2],
    ["with triple replication", 3],
    ["so 8 brokers, doubled for safety", 2],
    ["quadruple the storage", 4],
  ])("multiplier word: %s is ×%d", (sentence, value) =>
    expect(parseQuantities(sentence).find((q) => q.unit === "x")?.value).toBe(value),
  );

  it.each(["we compact twice a day", "we snapshot twice per week", "we compact twice daily"])(
    "a frequency is no multiplier: %s",
    (sentence) => expect(parseQuantities(sentence).some((q) => q.unit === "x")).toBe(false),
  );

  it.each([
    // [sentence, prefix, what]
    ["We need 40 brokers, since each does 500 rps", "500 rps", "requests per broker"], // pronoun "each"
    ["routers that each handle 9k, at 90k QPS total", "9k", "requests per router"],
    ["peak is 8k QPS and a shard handles 2k", "2k", "requests per shard"], // "a" + noun + verb
    ["6k QPS, and an instance can do 300", "300", "requests per instance"],
  ])("%s: %s is %s", (sentence, prefix, what) => expect(find(sentence, prefix)?.what).toBe(what));

  it.each([
    ["at a peak of 9,000 QPS we want 30 hosts", "9,000"], // "a peak of" names no unit
    ["each does 500 rps and peak is 18k", "18k"], // the load after a share is the whole service's
    ["40 million events a day times 2 KB", "2 KB"], // the period of a rate is no unit doing work
    ["rows of 2 KB each compressed to 500 bytes", "500 bytes"], // a participle is no unit
  ])("no unit's share: %s (%s)", (sentence, prefix) =>
    expect(find(sentence, prefix)?.what ?? "").not.toMatch(/^(?:requests )?per /),
  );
});

describe("storage: records a second × bytes a record × the seconds claimed", () => {
  it.each([
    // [sentence, context, verdict, expected bytes]
    // 10,000/s × 1,000 B × 86,400 s = 864 GB.
    ["At 10k events per second and 1 KB per event we write about 864 GB a day.", [], "consistent", 8.64e11],
    // 2,000,000/min = 33,333/s × 16 B × 60 × 86,400 s = 2.76 TB.
    ["We keep 60 days of metrics: 2 million points a minute at 16 bytes, roughly 2.8 TB.", [], "consistent", 2.7648e12],
    // A count takes the claim's period: 5e8 × 100 B = 50 GB a day.
    ["About 50 GB a day comes from 500 million pings at 100 bytes each.", [], "consistent", 5e10],
    // Retention from the ledger: 1e8 × 2 KB × 30 = 6 TB.
    [
      "With 30 days of retention that works out to about 6 TB.",
      ["We log 100 million events a day.", "Each event is about 2 KB."],
      "consistent",
      6e12,
    ],
    // A year of it: 4e6 × 3 × 2 MB = 24 TB a day × 365 = 8.76 PB.
    ["4 million users each upload 3 photos a day at 2 MB; a year of that is about 8.8 PB.", [], "consistent", 8.76e15],
    // A stock: 4e7 × 25 KB = 1 TB.
    ["We hold 40 million invoices at 25 KB each, roughly 1 TB in total.", [], "consistent", 1e12],
    // Compression: 5e9 × 200 B = 1 TB, not 5 TB.
    ["5 billion rows at 1 KB each, compressed to 200 bytes, take about 5 TB.", [], "too_high", 1e12],
    // Copies on the last figure: 1e8 × 1 MB × 3 = 300 TB.
    ["100 million files at 1 MB each, replicated 3x, is about 100 TB.", [], "too_low", 3e14],
  ])("%s", (sentence, context, verdict, expected) => {
    const check = first(sentence, context);
    expect(check).toMatchObject({ kind: "storage", verdict });
    close(check?.expected, expected);
  });

  it("judges an earlier figure as one copy and the last with the copies", () => {
    const check = first("100 million files at 1 MB each is 100 TB, so 300 TB with 3 copies.");
    expect(check).toMatchObject({ kind: "storage", verdict: "consistent" });
  });

  it.each([
    ["Each record is 500 bytes, so over the year we'd need about 50 TB.", "the events a day"],
    ["Backups are kept for 5 years, which works out to roughly 40 TB.", "the events a day"],
  ])("asks for what a retention claim lacks: %s", (sentence, missing) => {
    const check = first(sentence);
    expect(check).toMatchObject({ kind: "storage", verdict: "cannot_check" });
    expect(check?.missing).toContain(missing);
  });

  it("calls a stock held in RAM memory", () => {
    expect(first("The cache holds 50 million sessions at 2 KB each, about 100 GB of RAM.")).toMatchObject({
      kind: "memory",
      verdict: "consistent",
    });
  });
});

describe("servers: load / one unit's share, rounded up, × copies", () => {
  it.each([
    // [sentence, context, verdict, expected]
    ["We need 90 workers, since each does 400 QPS and peak is 36k.", [], "consistent", 90],
    ["peak 48k rps / 3k per pod → 16 pods", [], "consistent", 16],
    ["Peak is 80k QPS and a replica serves about 4k, so 40 replicas.", [], "too_high", 20],
    // The ledger's average × its peak factor: 6,000 × 4 / 1,200 = 20.
    [
      "So roughly 20 API servers at peak.",
      ["Average traffic is 6k QPS, and peak is 4x that.", "Each API server handles 1,200 QPS."],
      "consistent",
      20,
    ],
    ["At 30k QPS and 1k QPS per box that's 30 boxes, doubled for redundancy to 60.", [], "consistent", 30],
    // Forgetting the copies is still caught: 30 × 2 = 60.
    ["At 30k peak QPS, 1k QPS per box and 2 replicas, we need 30 boxes.", [], "too_low", 60],
  ])("%s", (sentence, context, verdict, expected) => {
    const check = first(sentence, context);
    expect(check).toMatchObject({ kind: "servers", verdict });
    expect(check?.expected).toBe(expected);
  });

  it("asks for the load and share of a fleet sized for peak", () => {
    expect(first("We'll deploy 12 inference nodes for peak traffic.")).toMatchObject({
      kind: "servers",
      verdict: "cannot_check",
    });
  });
});

describe("memory: values each row holds, the ledger's dimension, copies", () => {
  it.each([
    // 5e7 × 64 × 2 B = 6.4 GB.
    ["50 million users with 64 features each at 2 bytes is about 6.4 GB.", [], "consistent"],
    // 1e7 × 128 × 4 B = 5.12 GB.
    [
      "So all of it is roughly 5 GB.",
      ["We index 10 million songs.", "Each gets a 128-dim float32 vector."],
      "consistent",
    ],
    // 1e8 × 128 × 4 B = 51.2 GB a copy, × 2 = 102 GB.
    ["Each of 2 replicas keeps 100M 128-d float32 vectors, 51 GB apiece, about 100 GB in all.", [], "consistent"],
    ["Each of 2 replicas keeps 100M 128-d float32 vectors, about 51 GB in all.", [], "too_low"],
  ])("%s → %s", (sentence, context, verdict) => {
    expect(first(sentence, context)).toMatchObject({ kind: "memory", verdict });
  });
});

describe("qps: users × actions, loads named by a word", () => {
  it("reads actions multiplying the users and judges a peak below the average", () => {
    // 3e7 × 40 = 1.2e9 a day / 86,400 = 13,889/s; a peak of 10k is below it.
    const check = first("30M DAU × 40 requests = 1.2B per day, ~14k average, so peak around 10k.");
    expect(check).toMatchObject({ kind: "qps", verdict: "too_low" });
    close(check?.expected, 1.2e9 / 86_400);
  });

  it("cannot check a QPS named before its figure without the users", () => {
    expect(first("Each user makes about 8 calls a day, so average QPS is around 20k.")).toMatchObject({
      kind: "qps",
      verdict: "cannot_check",
    });
  });
});

describe("pipeline claims: ANN wording and funnel budgets", () => {
  it.each([
    ["Approximate search over 20M items returns the top 50 in about 4 ms.", 4],
    ["A k-NN lookup over 1M vectors comes back in under a millisecond.", 1],
  ])("%s is an ANN latency of %d ms", (sentence, latencyMs) =>
    expect(findChecks(sentence).pipeline[0]).toMatchObject({ pipeline: "ann", latencyMs }),
  );

  it.each([
    ["Retrieval and ranking together fit in 120 ms p99.", true],
    ["The ranking stage's latency budget is 150 ms.", false], // a requirement, not a claim
    ["Our p99 budget for the re-ranker is 30 ms.", false],
  ])("%s → funnel claim: %s", (sentence, funnel) =>
    expect(findChecks(sentence).pipeline.some((p) => p.pipeline === "funnel")).toBe(funnel),
  );

  it.each(["We retrain twice a day.", "Once a day we snapshot the model.", "The team is 6 engineers for a year."])(
    "finds nothing in %s",
    (sentence) => expect(findChecks(sentence).arithmetic).toEqual([]),
  );
});
