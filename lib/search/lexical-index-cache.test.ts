import { drizzle } from "drizzle-orm/node-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { deletePassagesExcept, upsertPassages } from "@/db/queries/passages";
import * as schema from "@/db/schema";
import { openTestDatabase } from "@/db/testing/test-database";
import { getLexicalIndex } from "./lexical-index-cache";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const row = (id: string, text: string) => ({
  id,
  passageId: id,
  scenarioId: null,
  steps: ["monitoring"],
  title: `Passage ${id}`,
  text,
  sources: [],
  contentHash: `hash-of-${text}`,
});
const idsFor = async (db: Database["db"], word: string) =>
  (await getLexicalIndex(db)).search([{ term: word, weight: 1 }], { filter: {}, limit: 10 }).map((h) => h.id);

describe("getLexicalIndex", () => {
  it("reuses the index while the table is unchanged and rebuilds it when a passage is added, rewritten or removed", async () => {
    const { db } = database;
    await upsertPassages({ db, rows: [row("p1", "drift alarms on feature distributions")] });
    const first = await getLexicalIndex(db);
    expect(first.size).toBe(1);
    expect(await getLexicalIndex(db)).toBe(first);

    await upsertPassages({ db, rows: [row("p2", "drift in label rates")] });
    expect(await idsFor(db, "drift")).toEqual(expect.arrayContaining(["p1", "p2"]));

    await upsertPassages({ db, rows: [row("p2", "seasonality in label rates")] });
    expect(await idsFor(db, "drift")).toEqual(["p1"]);
    expect(await idsFor(db, "seasonality")).toEqual(["p2"]);

    await deletePassagesExcept({ db, keepIds: ["p2"] });
    expect(await idsFor(db, "drift")).toEqual([]);
    expect((await getLexicalIndex(db)).size).toBe(1);
  });

  it("sees a change another server made to the shared database", async () => {
    const serverA = database.db;
    const serverB = drizzle(database.pool, { schema });
    expect(await idsFor(serverA, "canary")).toEqual([]);
    await upsertPassages({ db: serverB, rows: [row("p3", "canary rollout of a new model")] });
    expect(await idsFor(serverA, "canary")).toEqual(["p3"]);
  });

  it("shares one rebuild between concurrent searches", async () => {
    await upsertPassages({ db: database.db, rows: [row("p4", "shadow traffic")] });
    const [a, b] = await Promise.all([getLexicalIndex(database.db), getLexicalIndex(database.db)]);
    expect(a).toBe(b);
  });
});
