import { describe, expect, it } from "vitest";
import { fuseRankings, RRF_K } from "./fuse-rankings";

describe("fuseRankings", () => {
  it("adds 1/(k+rank) per list, so an item in both lists beats one at the top of one", () => {
    const fused = fuseRankings(
      [
        ["a", "b", "c"],
        ["c", "d"],
      ],
      (x) => x,
    );
    expect(fused.map((f) => f.item)).toEqual(["c", "a", "b", "d"]);
    expect(fused[0]?.score).toBeCloseTo(1 / (RRF_K + 3) + 1 / (RRF_K + 1), 12);
    expect(fused[1]?.score).toBeCloseTo(1 / (RRF_K + 1), 12);
  });

  it("keeps first appearance order on ties and handles empty lists", () => {
    expect(fuseRankings([["x"], [], ["y"]], (v) => v).map((f) => f.item)).toEqual(["x", "y"]);
    expect(fuseRankings<string>([[], []], (v) => v)).toEqual([]);
  });

  it("scales each list's contribution by its weight", () => {
    const fused = fuseRankings(
      [
        ["a", "b"],
        ["b", "c"],
      ],
      (x) => x,
      [1, 0.3],
    );
    expect(fused.map((f) => f.item)).toEqual(["b", "a", "c"]);
    expect(fused[0]?.score).toBeCloseTo(1 / (RRF_K + 2) + 0.3 / (RRF_K + 1), 12);
    expect(fused[2]?.score).toBeCloseTo(0.3 / (RRF_K + 2), 12);
    // A low-weight list's first item falls below the other list's second.
    expect(fuseRankings([["a", "b"], ["c"]], (x) => x, [1, 0.3]).map((f) => f.item)).toEqual(["a", "b", "c"]);
  });
});
