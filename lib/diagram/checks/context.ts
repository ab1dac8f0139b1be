import type { ReferenceComponent, Scenario } from "@/lib/scenarios/schema";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";

/** What every diagram check reads besides the diagram. */
export interface DiagramCheckContext {
  referenceDesign: ReferenceComponent[];
  /** The request-path budget in seconds, or null when neither the conversation nor the scenario gives one. */
  latencyBudgetSeconds: number | null;
  /** The candidate's own messages; empty without a transcript. */
  candidateStatements: string[];
}

/** Durations above this are no request-path budget (a retraining cadence, a 7-day publishing window). */
export const MAX_REQUEST_SECONDS = 10;

/** Words that make a duration a budget on their own. */
const BUDGET_WORDS =
  /\b(budget|sla|slo|deadline|end[- ]to[- ]end|e2e|must (?:respond|answer|return)|respond within|answer within|latency (?:target|requirement|limit)|total latency|overall latency)\b/gi;
/**
 * A limit ("under", "at most", "gets") makes a duration a budget when the same sentence is about
 * the whole request ("the whole decision", "in total", "the backend"), not one stage of it: "the
 * ranker must finish under 50 ms" is a stage's cost, "the whole thing under 150 ms" a budget.
 */
const LIMIT_WORDS =
  /\b(under|within|at most|no more than|less than|below|has to|have to|must|gets?|allowed|cap(?:ped)?|max(?:imum)?|keep)\b/i;
const WHOLE_WORDS =
  /\b(whole|entire|total|overall|all in|altogether|backend|back end|(?:the )?(?:page|request|response|round trip|api call|call|system|service|decision|answer|reply))\b/gi;
/** How far (characters) a budget word may sit from its duration, within one sentence. */
const NEAR = 60;

/** Budgets stated in a text, in order: each budget word's nearest duration in the same sentence. */
export function statedBudgets(text: string): number[] {
  const durations = parseQuantities(text).filter((q) => q.kind === "duration" && q.value <= MAX_REQUEST_SECONDS);
  if (durations.length === 0) return [];
  const budgets: Array<{ at: number; value: number }> = [];
  const nearest = (at: number) => {
    let best: { distance: number; value: number } | null = null;
    for (const q of durations) {
      const between = text.slice(Math.min(at, q.end), Math.max(at, q.start));
      if (/[.!?;]\s/.test(between)) continue;
      const distance = Math.abs(q.start - at);
      if (distance <= NEAR && (!best || distance < best.distance)) best = { distance, value: q.value };
    }
    return best;
  };
  for (const match of text.matchAll(BUDGET_WORDS)) {
    const best = nearest(match.index ?? 0);
    if (best) budgets.push({ at: match.index ?? 0, value: best.value });
  }
  for (const sentence of sentencesOf(text)) {
    if (!LIMIT_WORDS.test(sentence.text)) continue;
    for (const match of sentence.text.matchAll(WHOLE_WORDS)) {
      const at = sentence.start + (match.index ?? 0);
      const best = nearest(at);
      if (best && !budgets.some((b) => b.value === best.value)) budgets.push({ at, value: best.value });
    }
  }
  return budgets.sort((a, b) => a.at - b.at).map((b) => b.value);
}

/** The sentences of a text with where each starts. */
function sentencesOf(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  for (const match of text.matchAll(/[^.!?;]+[.!?;]*/g)) out.push({ text: match[0], start: match.index ?? 0 });
  return out;
}

/**
 * The budget a diagram's request path is held to: the last one stated in the conversation (a
 * candidate may revise it), else the first request-scale duration of the scenario's latency
 * fact (the end-to-end figure, the more lenient one, so a finding is never a false alarm).
 */
export function resolveLatencyBudget(conversation: string[], scenario: Scenario | null): number | null {
  const stated = conversation.flatMap(statedBudgets);
  if (stated.length > 0) return stated[stated.length - 1] ?? null;
  for (const fact of scenario?.facts ?? []) {
    if (fact.topic !== "latency") continue;
    // Digits only: "a few seconds" is read as 3 s, no budget anyone stated.
    const first = parseQuantities(fact.answer).find(
      (q) => q.kind === "duration" && q.value <= MAX_REQUEST_SECONDS && /\d/.test(q.text),
    );
    if (first) return first.value;
  }
  return null;
}

/** The check context for a scenario and a transcript's turns (candidate statements are the candidate's turns). */
export function diagramCheckContext(
  scenario: Scenario,
  turns: Array<{ role: string; content: string }> = [],
): DiagramCheckContext {
  return {
    referenceDesign: scenario.referenceDesign ?? [],
    latencyBudgetSeconds: resolveLatencyBudget(
      turns.map((t) => t.content),
      scenario,
    ),
    candidateStatements: turns.filter((t) => t.role === "candidate").map((t) => t.content),
  };
}
