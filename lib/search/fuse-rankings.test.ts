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
});
