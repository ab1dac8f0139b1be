import {
  type ArithmeticCheck,
  type ClaimContext,
  checkArithmeticClaims,
} from "@/lib/understanding/claims/check-arithmetic";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import type { Quantity } from "@/lib/understanding/types";

/** A quantitative claim the interviewer can check by running a reference pipeline. */
export type QuantitativeClaim =
  | { pipeline: "ann"; quote: string; latencyMs?: number; recall?: number; items?: number; dim?: number }
  | { pipeline: "funnel"; quote: string; totalMs: number }
  | { pipeline: "ctr"; quote: string; metric: "logLoss" | "ne" | "auc"; value: number }
  /** Kept for stored transcripts; arithmetic claims now go through `checkArithmeticClaims`. */
  | { pipeline: "capacity"; quote: string; memoryGB?: number; items?: number; dim?: number; dau?: number };

/** A simple splitter; numbers such as "2.5M" keep their dot because a space must follow it. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const VECTOR_TALK =
  /\b(hnsw|ann|approximate (?:nearest|search|retrieval|knn|nn)|k-?nn|nearest[- ]neighbou?rs?|faiss|ivf|scann|vector (search|index|db|database)|embedding index|top[ -]?\d+ of|top[ -]k)\b/i;
const FUNNEL_TALK = /\b(retrieval|candidate generation|ranking|ranker|re-?rank\w*)\b/gi;
const BUDGET_TALK = /\b(budget|total|end to end|end-to-end|p99|within|under)\b/i;
// A claim that the stages fit ("must fit a 200 ms budget", "comes in under 80 ms"), not a budget stated alone.
const FIT_TALK =
  /\b(fits?|fitting|within|under|takes?|adds? up|comes? (?:in|to)|totals?|end to end|end-to-end|plus)\b/i;

/**
 * A latency budget is a funnel claim when it spans stages (two stage words: "retrieval plus
 * ranking") or says the work fits it; "our latency budget for ranking is 200 ms" is a requirement.
 */
function isFunnelClaim(sentence: string): boolean {
  const stage = (word: string) => (/^re-?rank/i.test(word) ? "rerank" : /^rank/i.test(word) ? "rank" : "retrieve");
  const stages = new Set([...sentence.matchAll(FUNNEL_TALK)].map((m) => stage(m[1] ?? "")));
  // "Our SLA is p99 under 100 ms for the whole ranking pipeline": one stage's target is a requirement.
  if (stages.size < 2 && REQUIREMENT_TALK.test(sentence)) return false;
  return stages.size > 0 && BUDGET_TALK.test(sentence) && (stages.size >= 2 || FIT_TALK.test(sentence));
}
// Words that state a requirement rather than an estimate (general engineering English).
const REQUIREMENT_TALK = /\b(?:sla|slo|slas|slos|target(?:ing)?|goal|requirements?|required)\b/i;
const METRIC = /\b(log ?loss|normali[sz]ed entropy|NE|AUC)\b\s*(?:of|is|=|around|about|~|at)?\s*(0?\.\d+)/i;

const ms = (q: Quantity | undefined) => (q ? Number((q.value * 1000).toPrecision(12)) : undefined);

function annClaim(sentence: string, qs: Quantity[]): QuantitativeClaim | undefined {
  const latency = qs.find((q) => q.kind === "duration" && q.value < 10);
  const recall = qs.find((q) => q.kind === "fraction" && /recall/i.test(q.what ?? ""));
  if (!VECTOR_TALK.test(sentence) || (!latency && !recall)) return undefined;
  // The corpus is the largest plain count ("top 100 of 6 billion" is 6 billion).
  const corpus = qs
    .filter((q) => q.kind === "count" && q.unit === "" && q.value >= 1000)
    .sort((a, b) => b.value - a.value)[0];
  const dim = qs.find((q) => q.kind === "dimension");
  return {
    pipeline: "ann",
    quote: sentence,
    latencyMs: ms(latency),
    recall: recall?.value,
    items: corpus?.value,
    ...(dim ? { dim: dim.value } : {}),
  };
}

function pipelineClaims(sentence: string, qs: Quantity[]): QuantitativeClaim[] {
  const ann = annClaim(sentence, qs);
  if (ann) return [ann];
  const duration = qs.find((q) => q.kind === "duration" && q.value < 10);
  if (duration && isFunnelClaim(sentence)) {
    return [{ pipeline: "funnel", quote: sentence, totalMs: ms(duration) ?? 0 }];
  }
  const metric = METRIC.exec(sentence);
  if (metric?.[1] && metric[2]) {
    const name = metric[1].toLowerCase();
    const kind = name.includes("log") ? "logLoss" : name === "auc" ? "auc" : "ne";
    return [{ pipeline: "ctr", quote: sentence, metric: kind, value: Number(metric[2]) }];
  }
  return [];
}

/**
 * Claims a reference pipeline can check, at most one per pipeline: ANN latency or recall at a
 * corpus size, a funnel latency budget, a CTR metric value. Arithmetic claims (memory, traffic)
 * are `checkArithmeticClaims`'s; see `findChecks` for both.
 */
export function detectClaims(answer: string): QuantitativeClaim[] {
  const claims = new Map<QuantitativeClaim["pipeline"], QuantitativeClaim>();
  for (const sentence of sentences(answer)) {
    for (const claim of pipelineClaims(sentence, parseQuantities(sentence))) {
      if (!claims.has(claim.pipeline)) claims.set(claim.pipeline, claim);
    }
  }
  return [...claims.values()];
}

/**
 * Every check an answer calls for, sentence by sentence: arithmetic verdicts computed now and
 * pipeline claims to run. A one-machine ANN claim's memory check is already first in
 * `arithmetic`, so a caller showing the first check shows whether the corpus fits at all.
 */
export function findChecks(
  message: string,
  context?: ClaimContext,
): { arithmetic: ArithmeticCheck[]; pipeline: QuantitativeClaim[] } {
  const arithmetic: ArithmeticCheck[] = [];
  const pipeline = new Map<QuantitativeClaim["pipeline"], QuantitativeClaim>();
  const quantities = context?.quantities ?? [];
  const earlier = [...(context?.sentences ?? [])];
  for (const sentence of sentences(message)) {
    const qs = parseQuantities(sentence);
    arithmetic.push(...checkArithmeticClaims(sentence, { quantities, sentences: earlier }));
    for (const claim of pipelineClaims(sentence, qs)) {
      if (!pipeline.has(claim.pipeline)) pipeline.set(claim.pipeline, claim);
    }
    // Later sentences of the same message may borrow this one's figures, with its words.
    earlier.push(sentence);
  }
  return { arithmetic, pipeline: [...pipeline.values()] };
}
