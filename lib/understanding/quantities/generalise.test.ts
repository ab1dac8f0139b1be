/**
 * The parser's general mechanisms, each on wording of its own (not the benchmark's): vague
 * quantifiers, period words, multipliers, unit ellipsis, one unit's share, clause periods, nouns.
 */
import { describe, expect, it } from "vitest";
import { vagueSpans } from "./numbers";
import { parseQuantities } from "./parse-quantities";
import { perUnitEntity, singular } from "./what";

const find = (text: string, sub: string) => parseQuantities(text).find((q) => q.text.startsWith(sub));
const close = (a: number | undefined, b: number) => expect(Math.abs((a ?? Number.NaN) / b - 1)).toBeLessThan(1e-9);

describe("vague quantifiers and fractions of a unit", () => {
  it.each([
    // [text, kind, value in base units]
    ["a couple of terabytes", "bytes", 2e12],
    ["a few hundred gigs", "bytes", 300e9], // "a few" = 3, × hundred, gig = 1e9
    ["half a petabyte", "bytes", 0.5e15],
    ["a quarter of a terabyte", "bytes", 0.25e12],
    ["several thousand users", "count", 5_000],
    ["a couple hundred machines", "count", 200],
    ["half a million users", "count", 5e5], // still the recognizer's reading
    ["50 megs", "bytes", 50e6],
  ])("%s is %s %d", (text, kind, value) => {
    const q = parseQuantities(text)[0];
    expect(q?.kind).toBe(kind);
    close(q?.value, value);
  });

  it("spans the quantifier so the unit after it is read", () => {
    expect(vagueSpans("about a couple of TB")).toEqual([{ start: 6, end: 17, value: 2 }]);
    expect(vagueSpans("half a million")).toEqual([]);
  });
});

describe("periods, multipliers and dimensions in words", () => {
  it.each([
    ["5.5 TB annually", "rate", 5.5e12 / 31_536_000],
    ["2 TB monthly", "rate", 2e12 / 2_592_000],
    ["70 GB weekly", "rate", 70e9 / 604_800],
    ["400M a day", "rate", 4e8 / 86_400], // a period with no noun
    ["8k/s", "rate", 8_000],
    ["three times the average", "count", 3],
    ["twice the average", "count", 2],
    ["6 times a day", "rate", 6 / 86_400], // a frequency, not a multiplier
  ])("%s is %s %d", (text, kind, value) => {
    const q = parseQuantities(text)[0];
    expect(q?.kind).toBe(kind);
    close(q?.value, value);
  });

  it.each([
    ["three times the average", "x"],
    ["a tenfold increase", undefined],
    ["5 times 128", ""],
  ])("multiplier unit of %s", (text, unit) => expect(parseQuantities(text)[0]?.unit).toBe(unit));

  it.each([
    ["128 floats per user", 128],
    ["embeddings of size 96", 96],
    ["vectors of length 300", 300],
  ])("dimension: %s", (text, value) => expect(parseQuantities(text)[0]).toMatchObject({ kind: "dimension", value }));
});

describe("nouns of any kind", () => {
  it.each([
    ["40 serving nodes for the ranker", "serving nodes"], // -ing modifier right after the number
    ["3M item-scoring calls", "item-scoring calls"], // hyphenated -ing modifier
    ["9 trucks doing deliveries", "trucks"], // -ing verb still ends the phrase
    ["600M riders times 64 floats", "riders"], // "times" after a noun is the product sign
    ["4 TB across the fleet", undefined], // a preposition is no noun
  ])("%s counts %s", (text, what) => expect(parseQuantities(text)[0]?.what).toBe(what));

  it.each([
    ["Each day we get 50 million reports", 5e7 / 86_400],
    ["Every hour, 2 million pings", 2e6 / 3_600],
    ["Weekly we ship 70 builds", 70 / 604_800],
  ])("a clause opened by a period makes a rate: %s", (text, value) => {
    const q = parseQuantities(text).find((x) => x.kind === "rate");
    close(q?.value, value);
  });

  it("leaves a count without a clause period alone", () => {
    expect(parseQuantities("We'll store 5 TB a day from 2 billion clicks")[1]).toMatchObject({ kind: "count" });
  });

  it.each([
    ["servers", "server"],
    ["boxes", "box"],
    ["replicas", "replica"],
    ["proxies", "proxy"],
    ["gpus", "gpu"],
    ["class", "class"],
  ])("singular(%s) = %s", (word, one) => expect(singular(word)).toBe(one));
});

describe("unit ellipsis and one unit's share", () => {
  it.each([
    // [sentence, prefix of the quantity, value per second, what]
    ["Load is 90k QPS and each broker handles 3k.", "3k", 3_000, "requests per broker"],
    ["Peak is 12k/s at 400 per shard.", "400", 400, "requests per shard"],
    ["We need 30 QPS, with 5 QPS a replica.", "5 QPS", 5, "requests per replica"],
    ["A 20k QPS peak on proxies doing 800 QPS each.", "800", 800, "requests per proxy"],
    ["At 50k QPS, with GPUs each running 1k QPS.", "1k", 1_000, "requests per gpu"],
    ["One worker can drain about 250 jobs a second.", "250", 250, "jobs a second per worker"],
    ["Each edge cache box handles 7k, at 70k QPS total.", "7k", 7_000, "requests per box"],
  ])("%s", (sentence, prefix, value, what) => {
    const q = find(sentence, prefix);
    expect(q?.kind).toBe("rate");
    close(q?.value, value);
    expect(q?.what).toBe(what);
  });

  it("takes a bare number's unit from the rate said just before it, not across an operator", () => {
    expect(find("That's ~20k QPS, peaking at 3x to about 60k.", "60k")).toMatchObject({ kind: "rate", value: 60_000 });
    expect(find("8 calls per day / 86,400 s", "86,400")).toMatchObject({ kind: "duration" });
    expect(find("5 MB each, maybe 9 files", "9")).toMatchObject({ kind: "count" });
  });

  it.each([
    ["Each response is about 30 KB", "30 KB", "bytes", "per response"],
    ["one week comes to 7 TB", "7 TB", "rate", "bytes"], // a size per period is a rate of bytes
    ["One hundred million 64-d vectors need 25 GB", "25 GB", "bytes", undefined], // "one" is a number here
  ])("a size of one unit: %s", (sentence, prefix, kind, what) => {
    expect(find(sentence, prefix)).toMatchObject({ kind, ...(what ? { what } : {}) });
    if (!what) expect(find(sentence, prefix)?.what).toBeUndefined();
  });

  it("names no unit for a rate that is not one unit's share", () => {
    expect(perUnitEntity("We serve 5k QPS at peak.", 9, 16)).toBeUndefined();
    expect(perUnitEntity("2k QPS per second", 0, 6)).toBeUndefined();
  });

  it("reads recall after a comparison word", () => {
    expect(find("keeps recall@10 above 0.9", "0.9")).toMatchObject({ kind: "fraction", what: "recall" });
  });

  it("parses a message-length sentence in well under a millisecond after warm-up", () => {
    const text = "Peak is 60k QPS and each server handles about 2k, so a couple of hundred machines at 3 replicas.";
    for (let i = 0; i < 20; i++) parseQuantities(text);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      parseQuantities(text);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    // Generous bound for a loaded CI machine; the median is well under 1 ms on a quiet one.
    expect(times[25]).toBeLessThan(5);
  });
});
