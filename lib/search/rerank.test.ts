import { describe, expect, it } from "vitest";
import type { Reranker } from "@/lib/embeddings/types";
import { rerankCandidates } from "./rerank";

const candidates = ["a", "b", "c", "d"].map((id, i) => ({
  id,
  title: `T${id}`,
  text: `text ${id}`,
  score: 1 - i / 10,
}));
const fixed = (scores: number[]): Reranker & { seen: string[][] } => {
  const seen: string[][] = [];
  return {
    modelId: "test/fixed",
    seen,
    score: async (_query, passages) => {
      seen.push(passages);
      return scores;
    },
  };
};

describe("rerankCandidates", () => {
  it.each([
    [
      [0, 2, 0, 2],
      ["b", "d", "a", "c"],
    ],
    [
      [-1, -3, 5, -1],
      ["c", "a", "d", "b"],
    ],
    [
      [0, 0, 0, 0],
      ["a", "b", "c", "d"],
    ],
  ])("orders by the scores %j, ties in the order given", async (scores, expected) => {
    const reranked = await rerankCandidates(fixed(scores), "q", candidates);
    expect(reranked.map((c) => c.id)).toEqual(expected);
    expect(reranked.map((c) => c.score)).toEqual([...scores].sort((x, y) => y - x));
  });

  it("shows the re-ranker each passage's title and text, and asks nothing for no candidates", async () => {
    const reranker = fixed([1, 1, 1, 1]);
    await rerankCandidates(reranker, "q", candidates);
    expect(reranker.seen[0]?.[0]).toBe("Ta. text a");
    expect(await rerankCandidates(reranker, "q", [])).toEqual([]);
    expect(reranker.seen).toHaveLength(1);
  });

  it("rejects a re-ranker that returns the wrong number of scores", async () => {
    await expect(rerankCandidates(fixed([1]), "q", candidates)).rejects.toThrow(/returned 1 scores for 4 passages/);
  });
});
