import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDefaultFallbackEmbedder } from "@/lib/embeddings/default-fallback";
import { STEP_IDS } from "@/lib/framework";
import { loadScenarioFile, loadTopicsFile } from "@/lib/scenarios/load";
import { seedLibrary } from "@/lib/seed/seed-library";
import type { Database } from "../client";
import { openTestDatabase } from "../testing/test-database";
import { listPassagesForIndex, matchesPassageFilter, type PassageFilter, searchPassagesByVector } from "./search";

let database: Database;
const embedder = createDefaultFallbackEmbedder(384);

beforeAll(async () => {
  database = await openTestDatabase();
  const fraud = loadScenarioFile("scenarios/fraud-detection.yaml");
  const news = loadScenarioFile("scenarios/news-feed.yaml");
  await seedLibrary({
    db: database.db,
    library: {
      scenarios: new Map([
        [fraud.id, fraud],
        [news.id, news],
      ]),
      topics: loadTopicsFile("scenarios/_topics.yaml"),
    },
    embedder,
  });
});
afterAll(async () => database.close());

describe("matchesPassageFilter", () => {
  const filters: PassageFilter[] = [
    {},
    { scenarioId: "fraud-detection" },
    { scenarioId: "video-recommendation" },
    ...STEP_IDS.map((step) => ({ step })),
    ...STEP_IDS.map((step) => ({ scenarioId: "news-feed", step })),
  ];

  it.each(filters)("keeps exactly the chunks the SQL filter keeps: %j", async (filter) => {
    const { chunks } = await listPassagesForIndex({ db: database.db });
    const [probe] = await embedder.embed(["monitoring drift"]);
    const bySql = await searchPassagesByVector({
      db: database.db,
      embedding: probe as Float32Array,
      modelId: embedder.modelId,
      filter,
      limit: 10_000,
      exact: true,
    });
    const inMemory = chunks.filter((c) => matchesPassageFilter(c, filter)).map((c) => c.id);
    expect(inMemory.length).toBeGreaterThan(0);
    expect(inMemory.sort()).toEqual(bySql.map((h) => h.id).sort());
  });
});

describe("listPassagesForIndex", () => {
  it("reads every chunk with a fingerprint that a new chunk changes", async () => {
    const before = await listPassagesForIndex({ db: database.db });
    expect(before.chunks.length).toBeGreaterThan(100);
    expect(new Set(before.chunks.map((c) => c.scenarioId))).toEqual(new Set([null, "fraud-detection", "news-feed"]));
    await database.pool.query(
      "INSERT INTO passages (id, passage_id, steps, title, text, content_hash) VALUES ('x', 'x', '{monitoring}', 't', 'u', 'h')",
    );
    const after = await listPassagesForIndex({ db: database.db });
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.chunks).toHaveLength(before.chunks.length + 1);
  });
});
