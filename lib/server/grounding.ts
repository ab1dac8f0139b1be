import { type GroundingQuery, type GroundingResult, searchGrounding } from "@/lib/search/search-grounding";
import { getDatabase } from "./database";
import { getEmbedder } from "./embedder";

/** The one search the interviewer and the UI share, on the process's database and embedder. */
export async function retrieveGrounding(input: GroundingQuery): Promise<GroundingResult[]> {
  const [database, embedder] = await Promise.all([getDatabase(), getEmbedder()]);
  return searchGrounding({ db: database.db, embedder }, input);
}
