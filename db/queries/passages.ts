import { asc, eq, inArray, isNull, ne, notInArray, or } from "drizzle-orm";
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

/** Chunks with no vector, or one made by another model: what the current embedder must (re)compute. */
export function listPassagesNeedingEmbedding({
  db,
  modelId,
}: {
  db: Db;
  modelId: string;
}): Promise<Array<{ id: string; title: string; text: string }>> {
  return withDbError("db:list_unembedded", () =>
    db
      .select({ id: passages.id, title: passages.title, text: passages.text })
      .from(passages)
      .where(or(isNull(passages.embedding), ne(passages.embeddingModel, modelId)))
      .orderBy(asc(passages.id)),
  );
}

export function savePassageEmbeddings({
  db,
  modelId,
  rows,
}: {
  db: Db;
  modelId: string;
  rows: Array<{ id: string; embedding: Float32Array }>;
}): Promise<void> {
  return withDbError("db:save_embeddings", async () => {
    await db.transaction(async (tx) => {
      for (const row of rows) {
        await tx
          .update(passages)
          .set({ embedding: Array.from(row.embedding), embeddingModel: modelId, embeddingDim: row.embedding.length })
          .where(eq(passages.id, row.id));
      }
    });
  });
}

export function getPassageById({
  db,
  id,
}: {
  db: Db;
  id: string;
}): Promise<
  { id: string; scenarioId: string | null; steps: string[]; title: string; text: string; sources: string[] } | undefined
> {
  return withDbError("db:get_passage", async () => {
    const [row] = await db
      .select({
        id: passages.id,
        scenarioId: passages.scenarioId,
        steps: passages.steps,
        title: passages.title,
        text: passages.text,
        sources: passages.sources,
      })
      .from(passages)
      .where(eq(passages.id, id));
    return row;
  });
}
