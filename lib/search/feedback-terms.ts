import type { WeightedTerm } from "./bm25-index";

export interface FeedbackOptions {
  /** How many of the first-pass hits are read. */
  documents: number;
  /** How many new terms the model keeps. */
  terms: number;
  /** The share of the final query that stays with the original terms (RM3's lambda). */
  originalWeight: number;
}

/**
 * RM3 pseudo-relevance feedback (Lavrenko and Croft 2001; Abdul-Jaleel et al. 2004): the top
 * first-pass documents are taken as relevant, each term's probability in them is weighted by
 * the document's share of the first-pass score, and the most probable terms join the query,
 * interpolated with the original. The added vocabulary is whatever the corpus itself says
 * next to the query's words, so it needs no hand-written list.
 */
export function feedbackQuery({
  original,
  hits,
  termCounts,
  options,
}: {
  original: WeightedTerm[];
  hits: Array<{ id: string; score: number }>;
  termCounts: (id: string) => ReadonlyMap<string, number>;
  options: FeedbackOptions;
}): WeightedTerm[] {
  const top = hits.slice(0, options.documents).filter((hit) => hit.score > 0);
  const totalScore = top.reduce((sum, hit) => sum + hit.score, 0);
  const originalTotal = original.reduce((sum, t) => sum + t.weight, 0);
  if (top.length === 0 || originalTotal === 0) return original;

  const relevance = new Map<string, number>();
  for (const hit of top) {
    const counts = termCounts(hit.id);
    const length = [...counts.values()].reduce((sum, c) => sum + c, 0);
    if (length === 0) continue;
    for (const [term, count] of counts) {
      relevance.set(term, (relevance.get(term) ?? 0) + (count / length) * (hit.score / totalScore));
    }
  }
  const kept = [...relevance.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, options.terms);
  const keptTotal = kept.reduce((sum, [, p]) => sum + p, 0);

  const weights = new Map<string, number>();
  for (const { term, weight } of original) {
    weights.set(term, (weights.get(term) ?? 0) + (options.originalWeight * weight) / originalTotal);
  }
  for (const [term, p] of kept) {
    weights.set(term, (weights.get(term) ?? 0) + ((1 - options.originalWeight) * p) / keptTotal);
  }
  return [...weights.entries()].map(([term, weight]) => ({ term, weight }));
}
