import { type Level, levelReaches, STEP_TITLES, type StepId } from "@/lib/framework";
import { listInProse, lowerFirst } from "@/lib/interview/phrasing";
import type { ItemDecision } from "./assess-step";

const MAX_QUOTE = 140;

function shorten(text: string): string {
  return text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
}

/** The missing item that matters most next: expected at the level, heaviest first, then in rubric order. */
export function nextItemToLearn(decisions: ItemDecision[], level: Level): ItemDecision | null {
  const missing = decisions.filter((d) => !d.earned);
  const expected = missing.filter((d) => levelReaches(level, d.item.level));
  const pool = expected.length > 0 ? expected : missing;
  return [...pool].sort((a, b) => b.item.weight - a.item.weight)[0] ?? null;
}

/**
 * Specific feedback for one step, from the decisions only: what was covered (with the
 * candidate's own words), what a mistake cost, what was missing, and what to learn next.
 * It never repeats text that was addressed to the grader, because such text is never a quote.
 */
export function stepFeedback(step: StepId, decisions: ItemDecision[], level: Level, topicality: number): string {
  const covered = decisions.filter((d) => d.earned && d.credit >= 1);
  const mentioned = decisions.filter((d) => d.earned && d.credit < 1);
  const lost = decisions.filter((d) => d.mistake);
  const missing = decisions.filter((d) => !d.earned && !d.mistake);
  const parts: string[] = [];
  if (decisions.every((d) => !d.earned && !d.mistake) && topicality < 0.5) {
    parts.push(`${STEP_TITLES[step]}: the answers here are not about this problem, so nothing could be credited.`);
  } else if (covered.length === 0 && mentioned.length === 0) {
    parts.push(
      `${STEP_TITLES[step]}: no rubric item was earned with a specific claim (a number, a reason or a trade-off).`,
    );
  } else if (covered.length > 0) {
    const first = covered[0];
    const quote = first?.quote ? ` (“${shorten(first.quote.text)}”)` : "";
    parts.push(
      `${STEP_TITLES[step]}: covered ${covered.length} of ${decisions.length}: ${listInProse(covered.map((d) => lowerFirst(d.item.title)))}${quote}.`,
    );
  }
  if (mentioned.length > 0) {
    parts.push(
      `Named without a number or a reason, so only partly credited: ${listInProse(mentioned.map((d) => lowerFirst(d.item.title)))}.`,
    );
  }
  for (const d of lost) parts.push(`Lost “${lowerFirst(d.item.title)}” to a mistake: ${d.mistake}`);
  for (const d of decisions.filter((x) => x.recovered)) {
    parts.push(
      `“${lowerFirst(d.item.title)}”: ${d.recovered?.afterPushback ? "recovered after pushback" : "recovered on your own"}, so the earlier slip cost nothing.`,
    );
  }
  if (missing.length > 0) parts.push(`Missing: ${listInProse(missing.map((d) => lowerFirst(d.item.title)))}.`);
  const next = nextItemToLearn(decisions, level);
  if (next) parts.push(`Next to learn: ${next.item.earns}`);
  return parts.join(" ");
}
