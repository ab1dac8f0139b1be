import { levelReaches } from "@/lib/framework";
import { ledgerAnswers } from "@/lib/interview/ledger";
import { getScenario } from "@/lib/scenarios/library";
import type { FollowUp } from "@/lib/scenarios/schema";
import type { State } from "./state";

/** The most probes (follow-ups and pushbacks) on one rubric point. */
export const MAX_PROBES_PER_POINT = 3;

/**
 * The follow-up to ask next: never one already asked or declined, nor one asking for a number
 * the ledger holds or a point the last answer just made; preferring one that targets
 * an item expected at the level and not yet earned (at most three probes per item), and a
 * number question when the last answer gave no number, a trade-off one when it gave no reason.
 */
export function chooseFollowUp(state: State): FollowUp | null {
  const content = getScenario(state.scenarioId).steps[state.step];
  const credits = state.coverage[state.step] ?? {};
  const itemLevel = new Map(content.rubric.map((r) => [r.id, r.level]));
  const used = new Set([...state.asked, ...state.declined]);
  const open = (target: string) =>
    (credits[target] ?? 0) < 1 && (state.probesPerPoint[target] ?? 0) < MAX_PROBES_PER_POINT;
  const wantsNumber = state.assessment !== null && state.assessment.quantities.length === 0;
  const wantsReason = state.assessment !== null && !state.assessment.claim;
  const justAnswered = new Set(state.assessment?.newlyCovered ?? []);
  const scored = content.followUps
    .filter((f) => !used.has(f.id))
    // Never ask for a figure already on the table, nor about points the last answer just made.
    .filter((f) => ledgerAnswers(f.text, state.ledger) === null)
    .filter((f) => f.targets.length === 0 || !f.targets.every((t) => justAnswered.has(t)))
    .filter((f) => f.targets.length === 0 || f.targets.some(open))
    .map((f, index) => {
      const expected = f.targets.filter((t) => open(t) && levelReaches(state.level, itemLevel.get(t) ?? "staff"));
      let score = expected.length * 10 + f.targets.filter(open).length * 2 - index * 0.01;
      if (wantsNumber && f.kind === "number") score += 3;
      if (wantsReason && f.kind === "tradeoff") score += 3;
      if (f.kind === "pushback") score -= 5;
      return { f, score };
    })
    .sort((a, b) => b.score - a.score);
  return scored[0]?.f ?? null;
}
