import type { Reranker } from "@/lib/embeddings/types";
import { embeddingText } from "@/lib/seed/library-rows";

/** How many fused passages a re-ranker reads (at least k): enough to lift a passage from the tail of the first page. */
export const RERANK_DEPTH = 20;

/**
 * Re-scores the candidates with a cross-encoder, which reads the query and each passage (title
 * and text, as embedded) together, and orders them by its score; equal scores keep the order
 * they came in. Each result's score becomes the re-ranker's.
 */
export async function rerankCandidates<T extends { title: string; text: string; score: number }>(
  reranker: Reranker,
  query: string,
  candidates: T[],
): Promise<T[]> {
  if (candidates.length === 0) return [];
  const scores = await reranker.score(query, candidates.map(embeddingText));
  if (scores.length !== candidates.length) {
    throw new Error(
      `the re-ranker ${reranker.modelId} returned ${scores.length} scores for ${candidates.length} passages`,
    );
  }
  return candidates
    .map((candidate, order) => ({ candidate, order, score: scores[order] ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ candidate, score }) => ({ ...candidate, score }));
}
