import MiniSearch from "minisearch";
import { matchesPassageFilter, type PassageChunk, type PassageFilter, type PassageHit } from "@/db/queries/search";
import { searchTerms, splitWords, toTerm } from "./terms";

/** A query term and how much it counts (1 for a word the user typed, less for an added one). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** BM25 over the chunk table, held in memory. */
export interface LexicalIndex {
  /** The chunk table's fingerprint when the index was built. */
  readonly fingerprint: string;
  readonly size: number;
  /** Chunks that contain any query term and pass the filter, best BM25+ score first. */
  search(query: WeightedTerm[], options: { filter: PassageFilter; limit: number }): PassageHit[];
  /** How often each term occurs in a chunk's title and text (for pseudo-relevance feedback). */
  termCounts(chunkId: string): ReadonlyMap<string, number>;
  /** How many chunks contain the term. */
  documentFrequency(term: string): number;
}

/**
 * A title is a passage's topic in a few words, so a query word found there says more than one
 * found once in 150 words of text.
 */
export const TITLE_BOOST = 2;

/**
 * MiniSearch's BM25+ defaults (k1 1.2, b 0.7, delta 0.5), which are the usual settings for
 * short documents; delta keeps long chunks from scoring below chunks that miss the term.
 */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

function countTerms(terms: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Indexes the chunks' title and text with the project's own normalisation and stemming. */
export function buildLexicalIndex(chunks: PassageChunk[], fingerprint = ""): LexicalIndex {
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const counts = new Map(chunks.map((chunk) => [chunk.id, countTerms(searchTerms(`${chunk.title} ${chunk.text}`))]));
  const frequency = new Map<string, number>();
  for (const chunkCounts of counts.values()) {
    for (const term of chunkCounts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const index = new MiniSearch<PassageChunk>({
    fields: ["title", "text"],
    tokenize: splitWords,
    processTerm: (word) => toTerm(word),
  });
  index.addAll(chunks);

  return {
    fingerprint,
    size: chunks.length,
    search(query, { filter, limit }) {
      const weights = new Map<string, number>();
      for (const { term, weight } of query) weights.set(term, (weights.get(term) ?? 0) + weight);
      if (weights.size === 0) return [];
      const terms = [...weights.keys()];
      const results = index.search(terms.join(" "), {
        // The terms are already the index's own: split on the spaces put between them, as they are.
        tokenize: (text) => text.split(" "),
        processTerm: (term) => term,
        boost: { title: TITLE_BOOST },
        boostTerm: (_term, i) => weights.get(terms[i] ?? "") ?? 0,
        bm25: BM25,
        filter: (result) => {
          const chunk = byId.get(result.id as string);
          return chunk !== undefined && matchesPassageFilter(chunk, filter);
        },
      });
      return results.slice(0, limit).flatMap((result) => {
        const chunk = byId.get(result.id as string);
        return chunk ? [{ ...chunk, score: result.score }] : [];
      });
    },
    termCounts: (chunkId) => counts.get(chunkId) ?? new Map(),
    documentFrequency: (term) => frequency.get(term) ?? 0,
  };
}
