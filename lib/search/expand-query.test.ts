import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/text/normalize";
import { expandQuery } from "./expand-query";
import { ABBREVIATION_GROUPS } from "./expansion-terms";

describe("expandQuery", () => {
  it.each([
    ["ANN index memory", "approximate nearest neighbour"],
    ["what is a good CTR model", "click-through rate"],
    ["NE of 0.8", "normalized entropy"],
    ["LTR with pairwise loss", "learning to rank"],
    ["time to first token is too high", "ttft"],
    ["IVF-PQ codes", "product quantization"],
  ])("spells out the abbreviation in %j (or abbreviates the spelled-out form)", (query, expected) => {
    expect(expandQuery(query).added).toContain(expected);
  });

  it("adds nothing for plain descriptions: paraphrases are left to BM25 feedback and the embedder", () => {
    expect(expandQuery("how do I stop the model learning that top slots get clicked").added).toEqual([]);
    expect(expandQuery("what if the listing is brand new with no bookings").added).toEqual([]);
    expect(expandQuery("zebra crossing paint").added).toEqual([]);
  });

  it("never repeats the query's own words and keeps the query first in the embedded text", () => {
    const expanded = expandQuery("HNSW vs approximate nearest neighbour");
    expect(expanded.added).not.toContain("approximate nearest neighbour");
    expect(expanded.added).not.toContain("hnsw");
    expect(expanded.added).toContain("hierarchical navigable small world");
    expect(expanded.text.startsWith("HNSW vs approximate nearest neighbour ")).toBe(true);
  });
});

describe("ABBREVIATION_GROUPS", () => {
  it("holds only a short form and its longer spellings, each phrase once", () => {
    const seen = new Set<string>();
    for (const [short, ...long] of ABBREVIATION_GROUPS) {
      expect(normalizeText(short ?? "").length).toBeLessThanOrEqual(8);
      expect(long.length).toBeGreaterThan(0);
      for (const phrase of [short, ...long].map((p) => normalizeText(p ?? ""))) {
        expect(seen.has(phrase), phrase).toBe(false);
        seen.add(phrase);
      }
    }
  });
});
