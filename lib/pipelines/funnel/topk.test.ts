import { describe, expect, it } from "vitest";
import { mulberry32 } from "../random";
import { TopK, topPositions } from "./topk";

describe("TopK", () => {
  it("keeps the k best, best first, like a full sort", () => {
    const random = mulberry32(3);
    const scores = Array.from({ length: 1000 }, () => random());
    const heap = new TopK(25);
    scores.forEach((s, i) => {
      heap.push(s, i);
    });
    const expected = scores
      .map((s, i) => ({ s, i }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 25);
    expect(heap.sorted().ids).toEqual(expected.map((e) => e.i));
    expect(heap.min()).toBe(expected[24]?.s);
  });

  it("breaks ties towards the smaller id whatever the arrival order", () => {
    const heap = new TopK(2);
    heap.push(1, 9);
    heap.push(1, 3);
    heap.push(1, 5);
    expect(heap.sorted().ids).toEqual([3, 5]);
    expect(topPositions([0.5, 2, 2, 1], 3)).toEqual([1, 2, 3]);
  });

  it("handles k larger than the input and k = 0", () => {
    expect(topPositions([3, 1, 2], 10)).toEqual([0, 2, 1]);
    const empty = new TopK(0);
    empty.push(1, 1);
    expect(empty.sorted().ids).toEqual([]);
  });
});
