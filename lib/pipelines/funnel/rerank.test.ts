import { describe, expect, it } from "vitest";
import { distinctTopics, maxPerAuthor, rerank } from "./rerank";

// Six kept items, best ranker score first. Items 0-3 share topic 0; 0, 1 and 2 share author 7.
const topic = Int32Array.from([0, 0, 0, 0, 1, 2]);
const author = Int32Array.from([7, 7, 7, 8, 9, 10]);
const ids = [0, 1, 2, 3, 4, 5];
// Relevance after min-max scaling: 1, 0.8, 0.6, 0.4, 0.2, 0.
const scores = [10, 8, 6, 4, 2, 0];
const base = { ids, scores, topic, author, k: 4 };

describe("rerank", () => {
  it("is the ranker's own top K with lambda 1 and no cap", () => {
    expect(rerank({ ...base, authorCap: Number.POSITIVE_INFINITY, lambda: 1 })).toEqual([0, 1, 2, 3]);
  });

  it("skips items whose author already fills the cap", () => {
    const list = rerank({ ...base, authorCap: 2, lambda: 1 });
    expect(list).toEqual([0, 1, 3, 4]);
    expect(maxPerAuthor(list, author)).toBe(2);
  });

  it("trades relevance for a new topic as MMR says", () => {
    // lambda 0.7: after item 0, item 1 is worth 0.7 x 0.8 - 0.3 = 0.26 and item 4 is worth
    // 0.7 x 0.2 = 0.14, so item 1 comes next; then item 4 (0.14) beats item 2 (0.12); then item
    // 2 (0.12) beats item 5 (0.7 x 0 = 0, a new topic).
    expect(rerank({ ...base, authorCap: Number.POSITIVE_INFINITY, lambda: 0.7 })).toEqual([0, 1, 4, 2]);
    // lambda 0.5: any unseen topic beats any repeat.
    const diverse = rerank({ ...base, authorCap: Number.POSITIVE_INFINITY, lambda: 0.5 });
    expect(diverse).toEqual([0, 4, 5, 1]);
    expect(distinctTopics(diverse, topic)).toBe(3);
  });

  it("returns a shorter list when the cap leaves too few items", () => {
    expect(rerank({ ids: [0, 1, 2], scores: [3, 2, 1], topic, author, k: 3, authorCap: 1, lambda: 1 })).toEqual([0]);
  });
});
