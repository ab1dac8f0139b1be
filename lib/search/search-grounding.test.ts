import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { createDefaultFallbackEmbedder } from "@/lib/embeddings/default-fallback";
import type { Embedder, Reranker } from "@/lib/embeddings/types";
import { loadScenarioFile, loadTopicsFile } from "@/lib/scenarios/load";
import { seedLibrary } from "@/lib/seed/seed-library";
import { RERANK_DEPTH } from "./rerank";
import { fusionWeights, type GroundingResult, searchGrounding } from "./search-grounding";

let database: Database;
const fallback = createDefaultFallbackEmbedder(384);
const MEANING_ONLY = "vr-long-term-holdouts";

/**
 * A sentence-embedding model in miniature: the fallback, except that one made-up word
 * ("zzmeaning") maps to the exact vector of one passage, which is then found by meaning alone,
 * sharing no word.
 */
function embedderWithMeaning(target: Float32Array): Embedder {
  return {
    ...fallback,
    kind: "transformers",
    embed: async (texts) =>
      Promise.all(
        texts.map(async (t) => (t.includes("zzmeaning") ? target : ((await fallback.embed([t]))[0] as Float32Array))),
      ),
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const videos = loadScenarioFile("scenarios/video-recommendation.yaml");
  const fraud = loadScenarioFile("scenarios/fraud-detection.yaml");
  await seedLibrary({
    db: database.db,
    library: {
      scenarios: new Map([
        [videos.id, videos],
        [fraud.id, fraud],
      ]),
      topics: loadTopicsFile("scenarios/_topics.yaml"),
    },
    embedder: fallback,
  });
});
afterAll(async () => database.close());

const search = (input: Parameters<typeof searchGrounding>[1], embedder: Embedder = fallback, reranker?: Reranker) =>
  searchGrounding({ db: database.db, embedder, ...(reranker && { reranker }) }, input);

/** A stand-in cross-encoder: scores a passage by how often it says `word`, and records what it read. */
function fakeReranker(word: RegExp) {
  const calls: Array<{ query: string; passages: string[] }> = [];
  const reranker: Reranker = {
    modelId: "test/fake-reranker",
    score: async (query, passages) => {
      calls.push({ query, passages });
      return passages.map((p) => p.match(new RegExp(word, "gi"))?.length ?? 0);
    },
  };
  return { reranker, calls };
}

describe("searchGrounding", () => {
  it("ranks by BM25 the passages that hold the query's words", async () => {
    const results = await search({ query: "chargeback", k: 8 });
    expect(results).toHaveLength(8);
    for (const r of results) expect(`${r.title} ${r.text}`).toMatch(/chargeback/i);
    expect(results[0]?.scenarioId).toBe("fraud-detection");
  });

  it("fuses a passage found only by meaning with passages found only by keywords", async () => {
    const rows = await database.pool.query<{ id: string; embedding: string }>(
      "SELECT id, embedding::text AS embedding FROM passages WHERE passage_id = $1 LIMIT 1",
      [MEANING_ONLY],
    );
    const target = Float32Array.from(JSON.parse(rows.rows[0]?.embedding ?? "[]") as number[]);
    const meaning = embedderWithMeaning(target);
    // "zzmeaning" is in no passage: only the vector ranking can answer it.
    expect((await search({ query: "zzmeaning", k: 3 }, meaning))[0]?.passageId).toBe(MEANING_ONLY);
    // "chargeback" appears only in fraud passages and the delayed-feedback topic.
    const keywordOnly = await search({ query: "chargeback", k: 20 });
    expect(keywordOnly.map((r) => r.passageId)).not.toContain(MEANING_ONLY);
    const both = await search({ query: "chargeback zzmeaning", k: 20 }, meaning);
    expect(both.map((r) => r.passageId)).toContain(MEANING_ONLY);
    expect(both.some((r) => r.scenarioId === "fraud-detection" && /chargeback/i.test(r.text))).toBe(true);
  });

  it("filters by scenario (keeping cross-cutting topics) and by step", async () => {
    const results = await search({
      query: "calibration and drift",
      scenarioId: "fraud-detection",
      step: "monitoring",
      k: 10,
    });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect([null, "fraud-detection"]).toContain(r.scenarioId);
      expect(r.steps).toContain("monitoring");
      expect(r.step).toBe("monitoring");
    }
  });

  it("returns one result per passage, at most k, best first", async () => {
    const results = await search({ query: "two-tower retrieval with HNSW", k: 7 });
    expect(results).toHaveLength(7);
    expect(new Set(results.map((r) => r.passageId)).size).toBe(7);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("re-orders the best fused passages by the re-ranker's score, ties in fused order", async () => {
    const plain = await search({ query: "calibration and drift", k: RERANK_DEPTH });
    const { reranker, calls } = fakeReranker(/psi|population stability/);
    const reranked = await search({ query: "calibration and drift", k: RERANK_DEPTH }, fallback, reranker);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query).toBe("calibration and drift");
    expect(calls[0]?.passages).toEqual(plain.map((r) => `${r.title}. ${r.text}`));
    const scoreOf = (r: GroundingResult) => `${r.title}. ${r.text}`.match(/psi|population stability/gi)?.length ?? 0;
    const expected = plain
      .map((r, order) => ({ id: r.passageId, score: scoreOf(r), order }))
      .sort((a, b) => b.score - a.score || a.order - b.order);
    expect(reranked.map((r) => r.passageId)).toEqual(expected.map((e) => e.id));
    expect(reranked.map((r) => r.score)).toEqual(expected.map((e) => e.score));
    expect(reranked[0]?.passageId).not.toBe(plain[0]?.passageId);
  });

  it("re-ranks the best RERANK_DEPTH passages and returns the first k", async () => {
    const { reranker, calls } = fakeReranker(/drift/);
    const results = await search({ query: "calibration", k: 3 }, fallback, reranker);
    expect(calls[0]?.passages).toHaveLength(RERANK_DEPTH);
    expect(results).toHaveLength(3);
  });

  it("gives the re-ranker k candidates when k is above its depth", async () => {
    const { reranker, calls } = fakeReranker(/drift/);
    expect(await search({ query: "drift", k: RERANK_DEPTH + 5 }, fallback, reranker)).toHaveLength(RERANK_DEPTH + 5);
    expect(calls[0]?.passages).toHaveLength(RERANK_DEPTH + 5);
  });

  it.each([
    [{ query: "   " }, /empty/],
    [{ query: "x".repeat(10_000) }, /longer than 2000 characters/],
    [{ query: "ranking", scenarioId: "no-such-scenario" }, /Invalid option/],
    [{ query: "ranking", k: 0 }, /at least 1/],
  ])("rejects bad input %#", async (input, message) => {
    await expect(search(input as never)).rejects.toThrow(message);
  });
});

describe("fusionWeights", () => {
  it("counts the fallback's lexical vectors less than BM25, and a sentence-embedding model as much", () => {
    expect(fusionWeights({ kind: "fallback" })).toEqual({ lexical: 1, vector: 0.3 });
    expect(fusionWeights({ kind: "transformers" })).toEqual({ lexical: 1, vector: 1 });
  });
});
