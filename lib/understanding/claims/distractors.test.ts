/**
 * The fourth round's mechanisms, each on wording of its own (not the benchmark's), with values
 * checked by hand: a model's width under its other names, money, clock times and model sizes as no
 * quantity of the system, loads said per minute or hour, a fleet as one unit's share or "N of
 * them", replicas beside machines, a peak from daily users, memory as machines of a stated size,
 * a bound the need "won't fit in", a corpus split into chunks, storage totals after a rate,
 * compression ratios, records counted by the unit their size is said of, and requirements that are
 * no funnel claim.
 */
import { describe, expect, it } from "vitest";
import { findChecks } from "@/lib/interview/detect-claims";
import { parseQuantities } from "../quantities/parse-quantities";
import { checkArithmeticClaims } from "./check-arithmetic";

const find = (text: string, sub: string) => parseQuantities(text).find((q) => q.text.startsWith(sub));
const close = (a: number | undefined, b: number) => expect(Math.abs((a ?? Number.NaN) / b - 1)).toBeLessThan(1e-6);
const first = (sentence: string, context: string[] = []) =>
  checkArithmeticClaims(sentence, { quantities: context.flatMap((s) => parseQuantities(s)) })[0];

describe("parser: widths, distractors, loads", () => {
  it.each([
    // [sentence, prefix of the quantity, kind, value in base units]
    ["each title gets a hidden size of 1024", "hidden size", "dimension", 1024],
    ["we project to a hidden dim of 384", "hidden dim", "dimension", 384],
    ["every clip carries a 512-float embedding", "512", "dimension", 512],
    ["traffic tops out at 1.8 million requests per hour", "1.8 million", "rate", 500], // 1.8e6 / 3,600
    ["about 3 million new listing photos per day", "3 million", "rate", 3e6 / 86_400], // -ing modifier
  ])("%s: %s is %s %d", (sentence, prefix, kind, value) => {
    const q = find(sentence, prefix);
    expect(q?.kind).toBe(kind);
    close(q?.value, value);
  });

  it.each([
    ["storage costs $15 per TB each month", 15],
    ["the compaction job runs at 3 am", 3],
    ["the nightly export starts at 11 p.m.", 11],
  ])("%s: %d is no quantity", (sentence, value) => {
    expect(parseQuantities(sentence).some((q) => q.value === value)).toBe(false);
  });

  it("reads a model's size as parameters, not a load said before it", () => {
    const q = find("we serve 20k QPS and the LLM is 13B", "13B");
    expect(q).toMatchObject({ kind: "count", what: "parameters" });
  });

  it("keeps a figure between a unit and a number with its own subject", () => {
    // "Each page is 30 KB and we crawl 4 million pages a day": the pages a day are no page's share.
    const q = find("Each page is 30 KB and we crawl 4 million pages a day", "4 million");
    expect(q?.what).toBe("pages a day");
  });
});

describe("claims", () => {
  it.each([
    // [sentence, context, kind, verdict]; hand arithmetic in the comment
    // 50e6 × 256 × 2 B = 25.6 GB
    ["We hold 50 million items with a hidden size of 256 in fp16, roughly 25.6 GB.", [], "memory", "consistent"],
    // 2e6 × 20 = 40e6 passages; × 384 × 4 B = 61.4 GB (not 3.07 GB for the articles alone)
    [
      "The wiki has 2 million articles cut into about 20 passages each, with a 384-dim float32 embedding, so about 61 GB.",
      [],
      "memory",
      "consistent",
    ],
    // 40e6 × 1024 × 4 B = 163.8 GB; / 64 GB = 2.6 → 3 nodes; 8 is 2.7× over
    ["40 million vectors of 1024 dims in float32 means we need 8 nodes with 64 GB each.", [], "memory", "too_high"],
    ["40 million vectors of 1024 dims in float32 means we need 3 servers at 64 GB apiece.", [], "memory", "consistent"],
    // 10e6 × 768 × 4 B = 30.7 GB (32 GB with links): more than 16 GB, far less than 512 GB
    ["An index of 10 million 768-dim float32 vectors won't fit in 16 GB.", [], "memory", "consistent"],
    ["An index of 10 million 768-dim float32 vectors won't fit in 512 GB.", [], "memory", "too_high"],
    // 1.2e6 / 60 = 20,000 QPS; / 1,000 = 20
    ["At 1.2 million requests per minute and 1,000 QPS per server, we need 20 servers.", [], "servers", "consistent"],
    // 72e6 / 3,600 = 20,000 QPS; / 2,000 = 10 workers; 100 is 10× over
    [
      "Each worker handles 2,000 QPS so we need 100 workers.",
      ["Peak load is 72 million calls per hour."],
      "servers",
      "too_high",
    ],
    // a share with no load anywhere
    ["Each scorer pod takes 300 QPS, so call it 50 of them.", [], "servers", "cannot_check"],
    // 12,000 / 2,000 = 6 × 2 replicas = 12 hosts
    [
      "Each index replica serves 2,000 QPS and we keep 2 replicas, so 12 hosts.",
      ["We peak at 12,000 QPS."],
      "servers",
      "consistent",
    ],
    // 20e6 × 30 / 86,400 = 6,944 QPS; × 4 = 27,778; / 1,000 = 27.8 → 28
    [
      "A lookup node handles 1,000 QPS, so we need 28 nodes.",
      ["We have 20 million daily users, each doing 30 lookups a day.", "Peak is 4x the average."],
      "servers",
      "consistent",
    ],
    // 5,000 / 500 = 10 hosts; "One index host" is the share's subject, not the claim
    ["One index host handles 500 QPS, so 10 hosts.", ["Traffic peaks at 5,000 QPS."], "servers", "consistent"],
    // 24,000 / 60 = 400 QPS; / 100 = 4 nodes; one is 4× under
    [
      "Since one shard node sustains 100 QPS, a single node is enough.",
      ["Peak traffic is 24,000 queries per minute."],
      "servers",
      "too_low",
    ],
    // 10 KB × 50e6 = 500 GB; 5 TB is 10× over
    ["Every customer keeps about 10 KB, and with 50 million customers that's 5 TB.", [], "storage", "too_high"],
    // 5e8 × 1 KB = 500 GB a day × 30 = 15 TB; / 5 = 3 TB
    [
      "We log 500 million events a day at 1 KB each and keep 30 days compressed 5x, so roughly 3 TB.",
      [],
      "storage",
      "consistent",
    ],
    // 5e7 × 100 KB = 5 TB a week; × 3 copies = 15 TB; 45 TB is 3× over
    [
      "We write 50 million images a week at 100 KB each, so 5 TB a week, and with 3 copies 15 TB.",
      [],
      "storage",
      "consistent",
    ],
    [
      "We write 50 million images a week at 100 KB each, so 5 TB a week, and with 3 copies 45 TB.",
      [],
      "storage",
      "too_high",
    ],
    // a record's size and a concluded total, but no count of records
    ["Every recording is about 50 MB, so the library is probably around 40 TB.", [], "storage", "cannot_check"],
    // 1e8 × 2 KB = 200 GB a day; the dollars are no size
    [
      "At 2 KB per event and 100 million events a day that's 200 GB a day, costing about $5 a day.",
      [],
      "storage",
      "consistent",
    ],
    // 10e6 × 9 / 86,400 = 1,042 QPS; the 13B model is no population
    [
      "Each of them sends 9 prompts a day, so about 1,000 requests per second, and the model is 13B.",
      ["We have 10 million daily active users."],
      "qps",
      "consistent",
    ],
  ])("%s", (sentence, context, kind, verdict) => {
    expect(first(sentence, context)).toMatchObject({ kind, verdict });
  });

  it("takes no fleet claim when the corpus said is one machine's", () => {
    // 10e6 × 768 × 2 B = 15.4 GB a shard: the 15 GB figure is checked, the 8 shards are not divided.
    const c = first(
      "Each shard holds 10 million vectors of 768 dims in fp16, about 15 GB, so 8 shards with 32 GB each.",
    );
    expect(c).toMatchObject({ kind: "memory", verdict: "consistent", claimed: { text: "15 GB" } });
  });

  it("judges 8 nodes against the 3 that 164 GB needs", () => {
    const c = first("40 million vectors of 1024 dims in float32 means we need 8 nodes with 64 GB each.");
    expect(c?.expected).toBe(3);
    close(c?.factor, 8 / 3);
  });
});

describe("pipeline claims", () => {
  it("leaves a compressed index to the ANN pipeline, not the one-machine rule", () => {
    const found = findChecks("Using IVF-PQ over 2 billion vectors we get the top-10 in 3 ms on one machine.");
    expect(found.arithmetic).toEqual([]);
    expect(found.pipeline[0]?.pipeline).toBe("ann");
  });

  it.each([
    ["Our SLO is p95 under 50 ms for ranking.", []],
    ["Retrieval plus ranking fits in 120 ms end to end.", ["funnel"]],
  ])("%s", (sentence, pipelines) => {
    expect(findChecks(sentence).pipeline.map((p) => p.pipeline)).toEqual(pipelines);
  });
});
