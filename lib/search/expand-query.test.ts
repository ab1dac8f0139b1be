import { describe, expect, it } from "vitest";
import { expandQuery, keywordQuery } from "./expand-query";

describe("expandQuery", () => {
  it.each([
    ["ANN index memory", "approximate nearest neighbour"],
    ["what is a good CTR model", "click-through rate"],
    ["NE of 0.8", "normalized entropy"],
    ["LTR with pairwise loss", "learning to rank"],
    ["time to first token is too high", "ttft"],
  ])("spells out the abbreviation in %j", (query, expected) => {
    expect(expandQuery(query).added).toContain(expected);
  });

  it("maps a plain description to the technical term", () => {
    expect(expandQuery("how do I stop the model learning that top slots get clicked").added).toContain("position bias");
    expect(expandQuery("what if the listing is brand new with no bookings").added).toContain("cold start");
    expect(expandQuery("labels arrive weeks later").added).toContain("delayed feedback");
  });

  it("adds nothing for a query with no known vocabulary, and never repeats the query's words", () => {
    expect(expandQuery("zebra crossing paint").added).toEqual([]);
    const expanded = expandQuery("HNSW vs approximate nearest neighbour");
    expect(expanded.added).not.toContain("approximate nearest neighbour");
    expect(expanded.added).not.toContain("hnsw");
  });
});

describe("keywordQuery", () => {
  it("ORs content words and quotes added phrases", () => {
    expect(keywordQuery(expandQuery("the CTR of ads"))).toBe('ctr or ads or "click through rate" or pctr');
  });
});
