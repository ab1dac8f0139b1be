import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { loadScenarioFile, loadTopicsFile, type ScenarioLibrary } from "@/lib/scenarios/load";
import { seedLibrary } from "./seed-library";

let database: Database;

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
    const expectedPassages = 28 + 5;
    const first = await seedLibrary({ db: database.db, library });
    expect(first).toEqual({
      scenariosWritten: 1,
      passagesWritten: expectedPassages,
      passagesDeleted: 0,
      passagesTotal: expectedPassages,
    });
    const stamp = await database.pool.query("SELECT max(updated_at) AS t FROM passages");
    const second = await seedLibrary({ db: database.db, library });
    expect(second).toMatchObject({ scenariosWritten: 0, passagesWritten: 0, passagesDeleted: 0 });
    expect(await countRows("passages")).toBe(expectedPassages);
    expect((await database.pool.query("SELECT max(updated_at) AS t FROM passages")).rows).toEqual(stamp.rows);
  });

  it("rewrites only the passage that changed and removes one that is gone", async () => {
    const library = smallLibrary();
    const scenario = library.scenarios.get("video-recommendation");
    if (!scenario) throw new Error("fixture missing");
    const edited = scenario.passages[3];
    if (!edited) throw new Error("fixture missing");
    edited.text = `${edited.text} One more sentence about the trade-off.`;
    library.topics = library.topics.slice(0, 4);
    const result = await seedLibrary({ db: database.db, library });
    expect(result).toMatchObject({ scenariosWritten: 1, passagesWritten: 1, passagesDeleted: 1 });
    const row = await database.pool.query<{ text: string }>("SELECT text FROM passages WHERE id = $1", [edited.id]);
    expect(row.rows[0]?.text).toContain("One more sentence about the trade-off.");
  });

  it("keeps the full-text column in step with the text", async () => {
    const hits = await database.pool.query<{ id: string }>(
      "SELECT id FROM passages WHERE search @@ websearch_to_tsquery('english', 'one more sentence trade-off')",
    );
    expect(hits.rowCount).toBe(1);
  });
});
