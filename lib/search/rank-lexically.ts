import type { Db } from "@/db/client";
import type { PassageFilter, PassageHit } from "@/db/queries/search";
import type { WeightedTerm } from "./bm25-index";
import { expandQuery } from "./expand-query";
import { type FeedbackOptions, feedbackQuery } from "./feedback-terms";
import { getLexicalIndex } from "./lexical-index-cache";
import { searchTerms } from "./terms";

/** How many chunks the lexical ranking hands to the fusion. */
export const LEXICAL_CANDIDATES = 40;

/**
 * Anserini's RM3 defaults (10 feedback documents, 10 terms, half the weight kept on the
 * original query), not tuned here: on the tuning set every setting tried lands within a
 * query or two of these.
 */
export const FEEDBACK: FeedbackOptions = { documents: 10, terms: 10, originalWeight: 0.5 };

/**
 * The first-pass BM25 query: each typed word counts 1; each added form of an abbreviation
 * ("click-through rate" for "CTR") counts 1 in all, spread over its words.
 */
export function lexicalQuery(query: string): WeightedTerm[] {
  const typed = searchTerms(query).map((term) => ({ term, weight: 1 }));
  const added = expandQuery(query).added.flatMap((phrase) => {
    const terms = searchTerms(phrase);
    return terms.map((term) => ({ term, weight: 1 / terms.length }));
  });
  return [...typed, ...added];
}

/**
 * BM25 over the chunk table, in two passes: the query, then the query with RM3 feedback terms
 * from the first pass's best chunks (the same filter applies to both).
 */
export async function rankLexically(db: Db, query: string, filter: PassageFilter): Promise<PassageHit[]> {
  const index = await getLexicalIndex(db);
  const original = lexicalQuery(query);
  const firstPass = index.search(original, { filter, limit: LEXICAL_CANDIDATES });
  const expanded = feedbackQuery({ original, hits: firstPass, termCounts: index.termCounts, options: FEEDBACK });
  return index.search(expanded, { filter, limit: LEXICAL_CANDIDATES });
}
