import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { upsertPassages } from "@/db/queries/passages";
import { openTestDatabase } from "@/db/testing/test-database";
import { lexicalQuery, rankLexically } from "./rank-lexically";

let database: Database;
const row = (id: string, scenarioId: string | null, title: string, text: string) => ({
  id,
  passageId: id,
  scenarioId,
  steps: ["monitoring"],
  title,
  text,
  sources: [],
  contentHash: id,
});

beforeAll(async () => {
  database = await openTestDatabase();
  await upsertPassages({
    db: database.db,
    rows: [
      row(
        "seed",
        null,
        "Shadow scoring",
        "Run the candidate model in shadow mode beside production: quarzite parity checks.",
      ),
      row("neighbour", null, "Parity dashboards", "Quarzite parity dashboards compare two models' scores per segment."),
      row("other", null, "Label delay", "Chargebacks arrive weeks after the payment."),
      row("fraud-only", "fraud-detection", "Shadow fraud scoring", "A fraud model in shadow mode."),
    ],
  });
});
afterAll(async () => database.close());

describe("lexicalQuery", () => {
  it("counts typed words 1 and an abbreviation's spelled-out form 1 in all", () => {
    expect(lexicalQuery("the CTR drops")).toEqual([
      { term: "ctr", weight: 1 },
      { term: "drop", weight: 1 },
      { term: "click", weight: 1 / 3 },
      { term: "through", weight: 1 / 3 },
      { term: "rate", weight: 1 / 3 },
    ]);
  });
});

describe("rankLexically", () => {
  it("adds feedback terms taken from the best first-pass passages, not from any list", async () => {
    // "neighbour" shares no word with the query; "quarzite parity" comes from the passage the query finds.
    const ids = (await rankLexically(database.db, "shadow mode scoring", {})).map((h) => h.id);
    expect(ids[0]).toBe("seed");
    expect(ids).toContain("neighbour");
    expect(ids).not.toContain("other");
  });

  it("applies the filter to both passes", async () => {
    const ids = (await rankLexically(database.db, "shadow mode", { scenarioId: "news-feed" })).map((h) => h.id);
    expect(ids).not.toContain("fraud-only");
    expect(ids).toContain("seed");
  });
});
