import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { createDefaultFallbackEmbedder } from "@/lib/embeddings/default-fallback";
import { loadScenarioFile, loadTopicsFile, type ScenarioLibrary } from "@/lib/scenarios/load";
import { libraryRows } from "./library-rows";
import { seedLibrary } from "./seed-library";

let database: Database;
const embedder = createDefaultFallbackEmbedder(384);

function smallLibrary(): ScenarioLibrary {
  const scenario = loadScenarioFile("scenarios/video-recommendation.yaml");
  return {
    scenarios: new Map([[scenario.id, scenario]]),
    topics: loadTopicsFile("scenarios/_topics.yaml").slice(0, 5),
  };
}

async function countRows(table: string): Promise<number> {
  const result = await database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return result.rows[0]?.n ?? -1;
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("seedLibrary", () => {
  it("loads every scenario and passage, then a second run changes nothing", async () => {
    const library = smallLibrary();
    const expectedChunks = libraryRows(library).passages.length;
    expect(expectedChunks).toBeGreaterThanOrEqual(28 + 5);
    const first = await seedLibrary({ db: database.db, library, embedder });
    expect(first).toEqual({
      scenariosWritten: 1,
      passagesWritten: expectedChunks,
      passagesDeleted: 0,
      passagesEmbedded: expectedChunks,
      passagesTotal: expectedChunks,
      embeddingModel: embedder.modelId,
    });
    const unembedded = await database.pool.query(
      "SELECT id FROM passages WHERE embedding IS NULL OR embedding_dim <> 384",
    );
    expect(unembedded.rowCount).toBe(0);
    const stamp = await database.pool.query("SELECT max(updated_at) AS t FROM passages");
    const second = await seedLibrary({ db: database.db, library, embedder });
    expect(second).toMatchObject({ scenariosWritten: 0, passagesWritten: 0, passagesDeleted: 0, passagesEmbedded: 0 });
    expect(await countRows("passages")).toBe(expectedChunks);
    expect((await database.pool.query("SELECT max(updated_at) AS t FROM passages")).rows).toEqual(stamp.rows);
  });

  it("rewrites only the passage that changed and removes one that is gone", async () => {
    const library = smallLibrary();
    const scenario = library.scenarios.get("video-recommendation");
    if (!scenario) throw new Error("fixture missing");
    const edited = scenario.passages[3];
    if (!edited) throw new Error("fixture missing");
    edited.text = `${edited.text.split(" ").slice(0, 60).join(" ")} One more sentence about the trade-off.`;
    library.topics = library.topics.slice(0, 4);
    const result = await seedLibrary({ db: database.db, library, embedder });
    expect(result).toMatchObject({ scenariosWritten: 1, passagesWritten: 1, passagesDeleted: 1, passagesEmbedded: 1 });
    const row = await database.pool.query<{ text: string }>("SELECT text FROM passages WHERE passage_id = $1", [
      edited.id,
    ]);
    expect(row.rows[0]?.text).toContain("One more sentence about the trade-off.");
  });

  it("keeps the full-text column in step with the text", async () => {
    const hits = await database.pool.query<{ id: string }>(
      "SELECT id FROM passages WHERE search @@ websearch_to_tsquery('english', 'one more sentence trade-off')",
    );
    expect(hits.rowCount).toBe(1);
  });
  it("re-embeds every chunk when the embedding model changes", async () => {
    const other = { ...embedder, modelId: "another/model" };
    const result = await seedLibrary({ db: database.db, library: smallLibrary(), embedder: other });
    expect(result.passagesEmbedded).toBe(result.passagesTotal);
    const models = await database.pool.query("SELECT DISTINCT embedding_model FROM passages");
    expect(models.rows).toEqual([{ embedding_model: "another/model" }]);
  });
});
