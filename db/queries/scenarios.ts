import type { Db } from "../client";
import { withDbError } from "../errors";
import { scenarios } from "../schema";

export function getScenarioHashes({ db }: { db: Db }): Promise<Map<string, string>> {
  return withDbError("db:get_scenario_hashes", async () => {
    const rows = await db.select({ id: scenarios.id, hash: scenarios.contentHash }).from(scenarios);
    return new Map(rows.map((r) => [r.id, r.hash]));
  });
}

export function upsertScenario({
  db,
  values,
}: {
  db: Db;
  values: { id: string; title: string; content: unknown; contentHash: string };
}): Promise<void> {
  return withDbError("db:upsert_scenario", async () => {
    await db
      .insert(scenarios)
      .values(values)
      .onConflictDoUpdate({
        target: scenarios.id,
        set: { title: values.title, content: values.content, contentHash: values.contentHash, updatedAt: new Date() },
      });
  });
}
