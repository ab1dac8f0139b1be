import { and, arrayContains, cosineDistance, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { passages } from "../schema";

export interface PassageHit {
  id: string;
  passageId: string;
  scenarioId: string | null;
  steps: string[];
  title: string;
  text: string;
  sources: string[];
  /** Cosine similarity for vector hits, ts_rank for keyword hits. */
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

/** Chunks matching a websearch_to_tsquery string, best ts_rank first. */
export function searchPassagesByKeywords({
  db,
  query,
  filter,
  limit,
}: {
  db: Db;
  query: string;
  filter: PassageFilter;
  limit: number;
}): Promise<PassageHit[]> {
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  const rank = sql<number>`ts_rank(${passages.search}, ${tsquery})`;
  return withDbError("db:search_keywords", async () => {
    const rows = await db
      .select({ ...columns, rank })
      .from(passages)
      .where(and(sql`${passages.search} @@ ${tsquery}`, filterClause(filter)))
      .orderBy(desc(rank), passages.id)
      .limit(limit);
    return rows.map(({ rank: r, ...row }) => ({ ...row, score: Number(r) }));
  });
}
