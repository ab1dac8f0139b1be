import { describe, expect, it } from "vitest";
import { containsPhrase, normalizeText } from "./normalize";

describe("normalizeText", () => {
  it("folds case, accents and punctuation but keeps recall@10, 0.5 and 99%", () => {
    expect(normalizeText("Recall@10 of 0.95, p99%. Naïve — Two-Tower!")).toBe("recall@10 of 0.95 p99% naive two tower");
  });
});

describe("containsPhrase", () => {
  it("matches whole words only", () => {
    expect(containsPhrase("we use two tower retrieval", "two tower")).toBe(true);
    expect(containsPhrase("a ranker", "rank")).toBe(false);
    expect(containsPhrase("anything", "")).toBe(false);
  });
});
