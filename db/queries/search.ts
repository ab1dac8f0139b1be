import { and, arrayContains, asc, cosineDistance, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { passages } from "../schema";

/** One chunk as the search reads it. */
export interface PassageChunk {
  id: string;
  passageId: string;
  scenarioId: string | null;
  steps: string[];
  title: string;
  text: string;
  sources: string[];
}

export interface PassageHit extends PassageChunk {
  /** Cosine similarity for vector hits, the BM25 score for lexical hits. */
  score: number;
}

export interface PassageFilter {
  /** A scenario's own passages plus the cross-cutting ones (which have no scenario). */
  scenarioId?: string;
  step?: string;
}

const columns = {
  id: passages.id,
  passageId: passages.passageId,
  scenarioId: passages.scenarioId,
  steps: passages.steps,
  title: passages.title,
  text: passages.text,
  sources: passages.sources,
};

function filterClause(filter: PassageFilter): SQL | undefined {
  const clauses: Array<SQL | undefined> = [];
  if (filter.scenarioId) clauses.push(or(eq(passages.scenarioId, filter.scenarioId), isNull(passages.scenarioId)));
  if (filter.step) clauses.push(arrayContains(passages.steps, [filter.step]));
  return and(...clauses);
}

/** The in-memory twin of `filterClause`, for indexes kept in the app: the same rows pass both. */
export function matchesPassageFilter(
  chunk: Pick<PassageChunk, "scenarioId" | "steps">,
  filter: PassageFilter,
): boolean {
  if (filter.scenarioId && chunk.scenarioId !== null && chunk.scenarioId !== filter.scenarioId) return false;
  return !filter.step || chunk.steps.includes(filter.step);
}

/**
 * Nearest chunks by cosine distance among vectors of `modelId` only. `exact` forces a
 * sequential scan (the benchmark's ground truth); otherwise the HNSW index serves, with
 * `efSearch` candidates and pgvector's iterative scan so that filters do not starve the result.
 */
export function searchPassagesByVector({
  db,
  embedding,
  modelId,
  filter,
  limit,
  efSearch = 100,
  exact = false,
}: {
  db: Db;
  embedding: Float32Array;
  modelId: string;
  filter: PassageFilter;
  limit: number;
  efSearch?: number;
  exact?: boolean;
}): Promise<PassageHit[]> {
  const ef = Math.max(limit, Math.min(1000, Math.floor(efSearch)));
  const distance = cosineDistance(passages.embedding, Array.from(embedding));
  return withDbError("db:search_vector", () =>
    db.transaction(async (tx) => {
      if (exact) await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      else {
        // The planner would scan a small table sequentially; the index is what serves at scale.
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        await tx.execute(sql.raw(`SET LOCAL hnsw.ef_search = ${ef}`));
        await tx.execute(sql`SET LOCAL hnsw.iterative_scan = relaxed_order`);
      }
      const rows = await tx
        .select({ ...columns, distance })
        .from(passages)
        .where(and(eq(passages.embeddingModel, modelId), filterClause(filter)))
        .orderBy(distance)
        .limit(limit);
      return rows.map(({ distance: d, ...row }) => ({ ...row, score: 1 - Number(d) }));
    }),
  );
}

/**
 * A cheap digest of the chunk table, read per search so that an index kept in memory can tell
 * that another server or a seed changed the table: the row count, the newest row time, and a
 * sum of 32-bit hashes of each row's id and content hash (Postgres's own `hashtext`). Every
 * writer replaces a changed chunk's content hash, so a rewrite moves the sum even when a slow
 * transaction commits rows older than the newest.
 */
const fingerprintColumn = sql<string>`count(*) || ':' || coalesce(max(${passages.updatedAt})::text, '') || ':' || coalesce(sum(hashtext(${passages.id} || '=' || ${passages.contentHash})), 0)`;

export function getPassagesFingerprint({ db }: { db: Db }): Promise<string> {
  return withDbError("db:passages_fingerprint", async () => {
    const [row] = await db.select({ fingerprint: fingerprintColumn }).from(passages);
    return row?.fingerprint ?? "";
  });
}

/** Every chunk with the table's fingerprint, read in one snapshot so that the two agree. */
export function listPassagesForIndex({ db }: { db: Db }): Promise<{ fingerprint: string; chunks: PassageChunk[] }> {
  return withDbError("db:list_passages_for_index", () =>
    db.transaction(
      async (tx) => {
        const [row] = await tx.select({ fingerprint: fingerprintColumn }).from(passages);
        const chunks = await tx.select(columns).from(passages).orderBy(asc(passages.id));
        return { fingerprint: row?.fingerprint ?? "", chunks };
      },
      { isolationLevel: "repeatable read" },
    ),
  );
}
