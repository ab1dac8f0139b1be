import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { createDefaultFallbackEmbedder } from "@/lib/embeddings/default-fallback";
import type { Embedder } from "@/lib/embeddings/types";
import { loadScenarioFile, loadTopicsFile } from "@/lib/scenarios/load";
import { seedLibrary } from "@/lib/seed/seed-library";
import { searchGrounding } from "./search-grounding";

let database: Database;
const fallback = createDefaultFallbackEmbedder(384);
const MEANING_ONLY = "vr-long-term-holdouts";

/**
 * An embedder that is the fallback, except that one made-up word ("zzmeaning") maps to the
 * exact vector of one passage: that passage is then found by meaning alone, sharing no word.
 */
function embedderWithMeaning(target: Float32Array): Embedder {
  return {
    ...fallback,
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

const search = (input: Parameters<typeof searchGrounding>[1], embedder: Embedder = fallback) =>
  searchGrounding({ db: database.db, embedder }, input);

describe("searchGrounding", () => {
  it("finds position-bias passages for a paraphrase that never says position bias", async () => {
    const results = await search({ query: "how do I stop the model learning that top slots get clicked", k: 5 });
    expect(results.some((r) => /position/i.test(`${r.title} ${r.text}`))).toBe(true);
  });

  it("surfaces both a passage found only by keywords and one found only by meaning", async () => {
    const rows = await database.pool.query<{ id: string; embedding: string }>(
      "SELECT id, embedding::text AS embedding FROM passages WHERE passage_id = $1 LIMIT 1",
      [MEANING_ONLY],
    );
    const target = Float32Array.from(JSON.parse(rows.rows[0]?.embedding ?? "[]") as number[]);
    // "chargeback" appears only in fraud passages; "zzmeaning" in no passage at all.
    const results = await search({ query: "chargeback zzmeaning", k: 8 }, embedderWithMeaning(target));
    const ids = results.map((r) => r.passageId);
    expect(ids).toContain(MEANING_ONLY);
    expect(results.some((r) => r.scenarioId === "fraud-detection" && /chargeback/i.test(r.text))).toBe(true);
    const keywordOnly = await search({ query: "chargeback", k: 8 });
    expect(keywordOnly.map((r) => r.passageId)).not.toContain(MEANING_ONLY);
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

  it.each([
    [{ query: "   " }, /empty/],
    [{ query: "x".repeat(10_000) }, /longer than 2000 characters/],
    [{ query: "ranking", scenarioId: "no-such-scenario" }, /Invalid option/],
    [{ query: "ranking", k: 0 }, /at least 1/],
  ])("rejects bad input %#", async (input, message) => {
    await expect(search(input as never)).rejects.toThrow(message);
  });
});
