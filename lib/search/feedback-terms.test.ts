import { describe, expect, it } from "vitest";
import { feedbackQuery } from "./feedback-terms";

const docs: Record<string, Map<string, number>> = {
  d1: new Map([
    ["a", 2],
    ["b", 2],
  ]),
  d2: new Map([
    ["b", 1],
    ["c", 3],
  ]),
  d3: new Map([["z", 9]]),
};
const termCounts = (id: string) => docs[id] ?? new Map<string, number>();
const asObject = (terms: Array<{ term: string; weight: number }>) =>
  Object.fromEntries(terms.map((t) => [t.term, t.weight]));

describe("feedbackQuery (RM3)", () => {
  it("adds the terms most probable in the top documents, weighted by their score share (hand-checked)", () => {
    // P(w|R): a = 0.5 x 0.75 = 0.375; b = 0.5 x 0.75 + 0.25 x 0.25 = 0.4375; c = 0.75 x 0.25 = 0.1875.
    // Two terms are kept (b, a; total 0.8125) and share half the weight; the original keeps the other half.
    const weights = asObject(
      feedbackQuery({
        original: [{ term: "a", weight: 1 }],
        hits: [
          { id: "d1", score: 3 },
          { id: "d2", score: 1 },
          { id: "d3", score: 100 },
        ],
        termCounts,
        options: { documents: 2, terms: 2, originalWeight: 0.5 },
      }),
    );
    expect(Object.keys(weights).sort()).toEqual(["a", "b"]);
    expect(weights.a).toBeCloseTo(0.5 + (0.5 * 0.375) / 0.8125, 12);
    expect(weights.b).toBeCloseTo((0.5 * 0.4375) / 0.8125, 12);
  });

  it("keeps the original query when nothing scored", () => {
    const original = [{ term: "a", weight: 1 }];
    const options = { documents: 10, terms: 10, originalWeight: 0.5 };
    expect(feedbackQuery({ original, hits: [], termCounts, options })).toBe(original);
    expect(feedbackQuery({ original, hits: [{ id: "d1", score: 0 }], termCounts, options })).toBe(original);
  });

  it("splits the original half by the typed terms' own weights", () => {
    const weights = asObject(
      feedbackQuery({
        original: [
          { term: "a", weight: 1 },
          { term: "q", weight: 3 },
        ],
        hits: [{ id: "d3", score: 1 }],
        termCounts,
        options: { documents: 1, terms: 1, originalWeight: 0.6 },
      }),
    );
    expect(weights).toEqual({ a: 0.15, q: expect.closeTo(0.45, 12), z: expect.closeTo(0.4, 12) });
  });
});
