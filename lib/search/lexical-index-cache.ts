import type { Db } from "@/db/client";
import { getPassagesFingerprint, listPassagesForIndex } from "@/db/queries/search";
import { buildLexicalIndex, type LexicalIndex } from "./bm25-index";

/** The index last built for each database handle, or the build under way. */
const built = new WeakMap<Db, Promise<LexicalIndex>>();

async function rebuild(db: Db): Promise<LexicalIndex> {
  const { fingerprint, chunks } = await listPassagesForIndex({ db });
  return buildLexicalIndex(chunks, fingerprint);
}

/**
 * The BM25 index of the database's chunk table, rebuilt when the table's fingerprint has
 * changed since the last build: several servers may share one database, and any of them (or
 * a seed) may rewrite the passages. The fingerprint costs one aggregate query per search;
 * concurrent searches share one rebuild.
 */
export async function getLexicalIndex(db: Db): Promise<LexicalIndex> {
  const current = built.get(db);
  const fingerprint = await getPassagesFingerprint({ db });
  if (current) {
    const index = await current.catch(() => null);
    if (index?.fingerprint === fingerprint) return index;
    // Another search may have started the rebuild while this one read the fingerprint.
    const latest = built.get(db);
    if (latest && latest !== current) return latest;
  }
  const next = rebuild(db);
  built.set(db, next);
  next.catch(() => {
    if (built.get(db) === next) built.delete(db);
  });
  return next;
}
