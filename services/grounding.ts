import type { Database } from "@/db/client";
import { type GroundingQuery, type GroundingResult, searchGrounding } from "@/lib/search/search-grounding";
import { getDatabase } from "./database";
import { getEmbedder } from "./embedder";
import { getReranker } from "./reranker";

/**
 * The one search the interviewer, the score report and the UI share: `database`'s passages,
 * the process's embedder and re-ranker (when one loaded).
 */
export async function searchGroundingIn(database: Database, input: GroundingQuery): Promise<GroundingResult[]> {
  const [embedder, reranker] = await Promise.all([getEmbedder(), getReranker()]);
  return searchGrounding({ db: database.db, embedder, ...(reranker && { reranker }) }, input);
}

/** The same search on the process's database. */
export async function retrieveGrounding(input: GroundingQuery): Promise<GroundingResult[]> {
  return searchGroundingIn(await getDatabase(), input);
}
