import { z } from "zod";
import type { Db } from "@/db/client";
import { type PassageHit, searchPassagesByKeywords, searchPassagesByVector } from "@/db/queries/search";
import type { Embedder } from "@/lib/embeddings/types";
import { scenarioIdSchema, stepIdSchema } from "@/lib/scenarios/schema";
import { expandQuery, keywordQuery } from "./expand-query";
import { fuseRankings } from "./fuse-rankings";

export const MAX_QUERY_CHARACTERS = 2000;
export const MAX_RESULTS = 50;

export const groundingQuerySchema = z.object({
  query: z
    .string()
    .trim()
    .min(1, "the search query is empty: type a few words")
    .max(MAX_QUERY_CHARACTERS, `the search query is longer than ${MAX_QUERY_CHARACTERS} characters: shorten it`),
  scenarioId: scenarioIdSchema.optional(),
  step: stepIdSchema.optional(),
  k: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_RESULTS, `must be at most ${MAX_RESULTS}`)
    .default(5),
});
export type GroundingQuery = z.input<typeof groundingQuerySchema>;

/** One search result: the contract of `npm run search` plus what citations need. */
export interface GroundingResult {
  chunkId: string;
  passageId: string;
  scenarioId: string | null;
  step: string;
  steps: string[];
  title: string;
  text: string;
  sources: string[];
  score: number;
}

/** How many candidates each retriever hands to the fusion. */
const CANDIDATES = 40;

export interface SearchDependencies {
  db: Db;
  embedder: Embedder;
  efSearch?: number;
}

/**
 * Hybrid search: the HNSW vector index and Postgres full-text search, each over the expanded
 * query, fused by reciprocal rank; one result per passage. Throws a ZodError on bad input.
 */
export async function searchGrounding(deps: SearchDependencies, input: GroundingQuery): Promise<GroundingResult[]> {
  const { query, scenarioId, step, k } = groundingQuerySchema.parse(input);
  const expanded = expandQuery(query);
  const filter = { scenarioId, step };
  const [embedding] = await deps.embedder.embed([expanded.text]);
  if (!embedding) throw new Error("the embedder returned no vector");
  const [byVector, byKeywords] = await Promise.all([
    searchPassagesByVector({
      db: deps.db,
      embedding,
      modelId: deps.embedder.modelId,
      filter,
      limit: CANDIDATES,
      efSearch: deps.efSearch,
    }),
    searchPassagesByKeywords({ db: deps.db, query: keywordQuery(expanded), filter, limit: CANDIDATES }),
  ]);
  const seen = new Set<string>();
  const results: GroundingResult[] = [];
  for (const { item, score } of fuseRankings<PassageHit>([byVector, byKeywords], (hit) => hit.id)) {
    if (seen.has(item.passageId)) continue;
    seen.add(item.passageId);
    results.push({
      chunkId: item.id,
      passageId: item.passageId,
      scenarioId: item.scenarioId,
      step: step && item.steps.includes(step) ? step : (item.steps[0] ?? ""),
      steps: item.steps,
      title: item.title,
      text: item.text,
      sources: item.sources,
      score,
    });
    if (results.length === k) break;
  }
  return results;
}

/** The citation a report or a chat turn keeps of a search result: enough to find and title the passage. */
export function toCitation({ chunkId, scenarioId, step, title }: GroundingResult) {
  return { chunkId, scenarioId, step, title };
}
