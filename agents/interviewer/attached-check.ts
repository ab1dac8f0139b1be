import type { CheckCard, Turn } from "@/lib/types";
import { arithmeticCard } from "./nodes/assess-answer/check-numbers";
import type { State } from "./state";

const PIPELINE_TITLES: Record<string, string> = {
  ann: "approximate nearest-neighbour search",
  funnel: "a two-stage recommender funnel",
  ctr: "click-through-rate metrics",
  capacity: "capacity arithmetic",
};

/**
 * The card a reply carries: the verdict on the arithmetic it challenges or confirms (complete
 * now), else a pending card for a pipeline run that starts once the reply is sent.
 */
export function attachedCheck(state: State): CheckCard | undefined {
  const assessment = state.assessment;
  if (!assessment) return undefined;
  const arithmetic = assessment.numberCheck ?? assessment.confirmed;
  if (arithmetic) return arithmeticCard(arithmetic);
  const claim = assessment.checkable;
  if (!claim) return undefined;
  const title = PIPELINE_TITLES[claim.pipeline] ?? claim.pipeline;
  return {
    pipeline: claim.pipeline,
    title,
    claim: claim.quote,
    status: "pending",
    headline: `Checking your figure with a small reference run of ${title}…`,
    rows: [],
    chart: null,
    assumptions: [],
    pendingClaim: claim,
  };
}

/**
 * The state update that files a reply's card under its turn id. Cards live beside the turns, not
 * inside them, so the checkpoint of a long interview does not rewrite every earlier card each turn.
 */
export function cardFor(state: State, turn: Turn): { cards?: Record<string, CheckCard> } {
  const card = attachedCheck(state);
  return card ? { cards: { [turn.id]: card } } : {};
}
