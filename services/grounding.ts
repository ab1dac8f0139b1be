import { type GroundingQuery, type GroundingResult, searchGrounding } from "@/lib/search/search-grounding";
import { getDatabase } from "./database";
import { getEmbedder } from "./embedder";
import { getReranker } from "./reranker";

/** The one search the interviewer and the UI share, on the process's database, embedder and re-ranker (when one loaded). */
export async function retrieveGrounding(input: GroundingQuery): Promise<GroundingResult[]> {
  const [database, embedder, reranker] = await Promise.all([getDatabase(), getEmbedder(), getReranker()]);
  return searchGrounding({ db: database.db, embedder, ...(reranker && { reranker }) }, input);
}
