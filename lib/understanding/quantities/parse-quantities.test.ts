import { describe, expect, it } from "vitest";
import { parseQuantities } from "./parse-quantities";

const pick = (text: string) => parseQuantities(text).map((q) => [q.kind, q.value, q.what]);
const first = (text: string) => parseQuantities(text)[0];

describe("parseQuantities", () => {
  it("reads the headline sentence as 1e9 vectors of 256 dims at 4 bytes, and 64 GB", () => {
    expect(pick("1 billion 256-dim float32 vectors fit in 64 GB")).toEqual([
      ["count", 1e9, "vectors"],
      ["dimension", 256, undefined],
      ["bytes_per_value", 4, undefined],
      ["bytes", 64e9, undefined],
    ]);
  });

  it.each([
    ["1 billion users", 1e9],
    ["1B users", 1e9],
    ["1e9 users", 1e9],
    ["10k users", 1e4],
    ["3,000 users", 3000],
    ["2.5M users", 2.5e6],
    ["half a million users", 5e5],
    ["one and a half billion users", 1.5e9],
  ])("magnitude: %s = %d", (text, value) => expect(first(text)).toMatchObject({ kind: "count", value, what: "users" }));

  it.each([
    ["64 GB", "bytes", 64e9],
    ["2 KiB", "bytes", 2048],
    ["1 TiB", "bytes", 2 ** 40],
    ["64GB", "bytes", 64e9],
    ["10 Gbps", "rate", 1.25e9], // 10e9 bits / 8
    ["300 MB/s", "rate", 3e8],
    ["5 ms", "duration", 0.005],
    ["20ms", "duration", 0.02],
    ["50 µs", "duration", 5e-5],
    ["2 hours", "duration", 7200],
    ["3,000 QPS", "rate", 3000],
    ["3,000 requests per second", "rate", 3000],
    ["92%", "fraction", 0.92],
    ["2 TB a day", "rate", 2e12 / 86_400],
  ])("unit: %s is %s %d", (text, kind, value) => {
    const q = first(text);
    expect(q?.kind).toBe(kind);
    expect(Math.abs((q?.value ?? 0) / value - 1)).toBeLessThan(1e-9);
  });

  it.each([
    ["5 visits a day", 5 / 86_400, "visits a day"],
    ["10 searches per user per day", 10 / 86_400, "searches per user per day"],
    ["17,000 posts per second", 17_000, "posts per second"],
    ["2 sessions daily", 2 / 86_400, "sessions daily"],
    ["30 clicks per hour", 30 / 3_600, "clicks per hour"],
  ])("rate of a noun: %s", (text, value, what) => {
    expect(first(text)).toMatchObject({ kind: "rate", what });
    expect(first(text)?.value).toBeCloseTo(value, 12);
  });

  it.each([
    ["256-dim", 256],
    ["256-dimensional", 256],
    ["256 dimensions", 256],
    ["d=256", 256],
    ["768-d", 768],
    ["128d", 128],
  ])("dimension: %s", (text, value) => expect(first(text)).toMatchObject({ kind: "dimension", value }));

  it.each([
    ["fp32", 4],
    ["fp16", 2],
    ["bf16", 2],
    ["int8", 1],
    ["float64", 8],
    ["4 bytes per value", 4],
  ])("format: %s is %d bytes a value", (text, value) =>
    expect(first(text)).toMatchObject({ kind: "bytes_per_value", value }),
  );

  it("names what is counted, skipping dimensions and formats", () => {
    expect(first("340 GPUs")).toMatchObject({ text: "340 GPUs", what: "GPUs" });
    expect(first("100 million daily active users")).toMatchObject({ kind: "count", what: "daily active users" });
    expect(first("100 million daily events")).toMatchObject({ kind: "rate", what: "daily events" });
    expect(first("200 bytes per event")).toMatchObject({ kind: "bytes", value: 200, what: "per event" });
    expect(first("1,000 QPS per server")).toMatchObject({ kind: "rate", what: "requests per server" });
  });

  it("ignores numbers inside names and bare years", () => {
    expect(parseQuantities("recall@10 and p99 for GPT-4 and ResNet-50 in 2023")).toEqual([]);
    expect(pick("top-10 results, the 2nd tower")).toEqual([]);
    // A four-digit number with a noun is a count, not a year.
    expect(pick("2048 candidates")).toEqual([["count", 2048, "candidates"]]);
  });

  it("keeps the exact span and offsets", () => {
    const text = "We serve 500 million users × 5 visits a day.";
    for (const q of parseQuantities(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  it("parses a typical sentence in about a millisecond after warm-up", () => {
    const text = "500 million users × 5 visits a day is about 3,000 requests per second at 2 KB each.";
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

describe("parseQuantities: spoken products and loads", () => {
  it.each([
    // [text, index, expected fields]
    ["6 billion times 256 times 4 bytes", 0, { text: "6 billion", kind: "count", value: 6e9 }],
    ["6 billion times 256 times 4 bytes", 1, { text: "256", kind: "count", value: 256 }],
    ["17,000 peak posts per second", 0, { kind: "rate", value: 17_000, what: "posts per second" }],
    ["17,000 peak posts per second and 1,000 per GPU", 1, { kind: "rate", value: 1_000 }],
  ] as const)("%s [%i]", (text, index, fields) => {
    const q = parseQuantities(text)[index];
    expect(q).toMatchObject(fields);
    expect(q?.what).not.toBe("times");
  });
});
