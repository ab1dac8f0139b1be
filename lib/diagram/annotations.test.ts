import { describe, expect, it } from "vitest";
import { forgetReadLabels, readAnnotations } from "./annotations";

describe("readAnnotations: count changes", () => {
  // The five phrasings of issue 16.
  it.each([
    ["1000 to 100", 1000, 100, "1000 to 100"],
    ["10k → 500", 10_000, 500, "10k → 500"],
    ["1,000 -> 100", 1000, 100, "1,000 -> 100"],
    ["from 2000 down to 50", 2000, 50, "2000 down to 50"],
    ["5000⇒200", 5000, 200, "5000⇒200"],
  ])("%s", (label, from, to, text) => {
    expect(readAnnotations(label).countChange).toEqual({ from, to, text });
  });

  it.each([
    ["ranker 1000 => 50 items", 1000, 50],
    ["two thousand into 300", 2000, 300],
    ["1000 candidates to 100", 1000, 100],
    ["Filter: 1M → 1000 → 100", 1_000_000, 1000],
    ["widen 100 to 1,000", 100, 1000],
    ["3.5k-->200", 3500, 200],
  ])("other phrasings: %s", (label, from, to) => {
    expect(readAnnotations(label).countChange).toMatchObject({ from, to });
  });

  it.each(["Feature store", "p99 20 ms, 500 QPS", "20 to 30 ms", "10 TB to 2 TB", "v1 to v2", "top 100 of 1000", ""])(
    "none in %j",
    (label) => {
      expect(readAnnotations(label).countChange).toBeNull();
    },
  );
});

describe("readAnnotations: quantities", () => {
  it("reads latency, counts, sizes and rates with the project's parser", () => {
    const kinds = (label: string) => readAnnotations(label).quantities.map((q) => [q.kind, q.value]);
    expect(kinds("p99 20 ms")).toEqual([["duration", 0.02]]);
    expect(kinds("500 candidates")).toEqual([["count", 500]]);
    expect(kinds("10 TB")).toEqual([["bytes", 10e12]]);
    expect(kinds("3k QPS")).toEqual([["rate", 3000]]);
    expect(kinds("p99 20 ms, 500 QPS")).toEqual([
      ["duration", 0.02],
      ["rate", 500],
    ]);
  });

  it("has nothing to read in a label without numbers", () => {
    expect(readAnnotations("Ranking (GBDT)")).toEqual({ quantities: [], countChange: null });
  });
});

describe("readAnnotations is linear in the label's length", () => {
  const fastest = (run: () => unknown) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i += 1) {
      // Each run reads afresh: a label read before is answered from memory, which times nothing.
      forgetReadLabels();
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  const shapes: Record<string, (n: number) => string> = {
    "count changes": (n) => "1000 to 100 ".repeat(n / 12),
    arrows: (n) => "1 -> ".repeat(n / 5),
    "a run of dashes": (n) => `1${"-".repeat(n)}>2`,
    "words without numbers": (n) => "ranking stage ".repeat(n / 14),
  };
  readAnnotations("warm up 1 to 2");
  for (const [shape, make] of Object.entries(shapes)) {
    it(shape, () => {
      const small = fastest(() => readAnnotations(make(2500)));
      const large = fastest(() => readAnnotations(make(10_000)));
      expect(large / Math.max(2, small)).toBeLessThan(10);
    });
  }
});

describe("labels read before", () => {
  it("are answered the same, each caller with a copy of its own, read afresh once forgotten", () => {
    const label = "Ranking 1000 to 100, p99 40 ms";
    const first = readAnnotations(label);
    const texts = first.quantities.map((q) => q.text);
    expect(texts.length).toBeGreaterThan(0);
    const again = readAnnotations(label);
    expect(again).toEqual(first);
    // One caller editing what it got changes nothing for the next.
    first.quantities.length = 0;
    again.quantities.push({ text: "9 ms", kind: "duration", value: 0.009, unit: "ms", start: 0, end: 4 });
    const third = readAnnotations(label);
    expect(third.quantities.map((q) => q.text)).toEqual(texts);
    forgetReadLabels();
    expect(readAnnotations(label)).toEqual(third);
  });
});
