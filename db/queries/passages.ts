import { inArray, notInArray } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type NewPassageRow, passages } from "../schema";

export function getPassageHashes({ db }: { db: Db }): Promise<Map<string, string>> {
  return withDbError("db:get_passage_hashes", async () => {
    const rows = await db.select({ id: passages.id, hash: passages.contentHash }).from(passages);
    return new Map(rows.map((r) => [r.id, r.hash]));
  });
}

/** Inserts passages or replaces those whose content changed (their embedding is recomputed later). */
export function upsertPassages({ db, rows }: { db: Db; rows: NewPassageRow[] }): Promise<void> {
  if (rows.length === 0) return Promise.resolve();
  return withDbError("db:upsert_passages", async () => {
    await db.transaction(async (tx) => {
      await tx.delete(passages).where(
        inArray(
          passages.id,
          rows.map((r) => r.id),
        ),
      );
      await tx.insert(passages).values(rows);
    });
  });
}

/** Removes passages that no longer exist in the library. */
export function deletePassagesExcept({ db, keepIds }: { db: Db; keepIds: string[] }): Promise<number> {
  return withDbError("db:delete_passages", async () => {
    const deleted = await db
      .delete(passages)
      .where(keepIds.length > 0 ? notInArray(passages.id, keepIds) : undefined)
      .returning({ id: passages.id });
    return deleted.length;
  });
}
