import { levelReaches, nextStep, type StepId } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import type { RubricItem } from "@/lib/scenarios/schema";
import { chooseFollowUp } from "./nodes/choose-follow-up";
import type { State } from "./state";

/** The most probes (follow-ups and pushbacks) in one step, and on one rubric point. */
export const MAX_PROBES_PER_STEP = 3;
export const MAX_PROBES_PER_POINT = 3;
/** Coverage of the level's expected weight at which the interviewer is satisfied with a step. */
export const SATISFIED_COVERAGE = 0.6;

export type Move =
  | "askFollowUp"
  | "pushBack"
  | "checkNumber"
  | "giveHint"
  | "answerQuestion"
  | "clarifyQuestion"
  | "advanceStep"
  | "wrapUp";

/** Share of the weight of items expected at the level that the step's answers earned. */
export function stepCoverage(items: RubricItem[], credits: Record<string, number>, level: State["level"]): number {
  const expected = items.filter((i) => levelReaches(level, i.level));
  const total = expected.reduce((sum, i) => sum + i.weight, 0);
  const got = expected.reduce((sum, i) => sum + i.weight * (credits[i.id] ?? 0), 0);
  return total === 0 ? 1 : got / total;
}

export interface RouteInput {
  intent: State["intent"];
  step: StepId;
  /** The last step of this interview: monitoring, or the drilled step. */
  lastStep: boolean;
  assessment: State["assessment"];
  probesInStep: number;
  hintsLeft: boolean;
  followUpsLeft: boolean;
  coverage: number;
}

/** Decides what the interviewer does after reading a candidate message. Pure: tested without a model. */
export function decideMove(input: RouteInput): Move {
  const moveOn: Move = input.lastStep ? "wrapUp" : "advanceStep";
  switch (input.intent) {
    case "end":
      return "wrapUp";
    case "move_on":
      return moveOn;
    case "help":
      return "giveHint";
    case "question":
      return "answerQuestion";
    case "clarify":
    case "off_script":
      return "clarifyQuestion";
    case "dont_know":
      return input.hintsLeft ? "giveHint" : moveOn;
    case "decline":
      return input.followUpsLeft ? "askFollowUp" : moveOn;
    case "answer": {
      if (input.assessment?.timeUp) return moveOn;
      if (input.assessment?.numberCheck) return "checkNumber";
      if (input.assessment?.mistake) return "pushBack";
      if (input.probesInStep === 0 && input.followUpsLeft) return "askFollowUp";
      if (input.coverage < SATISFIED_COVERAGE && input.probesInStep < MAX_PROBES_PER_STEP && input.followUpsLeft) {
        return "askFollowUp";
      }
      return moveOn;
    }
  }
}

/** The graph's router: reads the state and the scenario, then lets decideMove choose. */
export function routeAfterAssessment(state: State): Move {
  const content = getScenario(state.scenarioId).steps[state.step];
  const usedHints = new Set(state.asked.filter((id) => id.startsWith(`hint:${state.step}:`)));
  return decideMove({
    intent: state.intent,
    step: state.step,
    lastStep: state.drill || nextStep(state.step) === null,
    assessment: state.assessment,
    probesInStep: state.probesPerStep[state.step] ?? 0,
    hintsLeft: usedHints.size < content.hints.length,
    followUpsLeft: chooseFollowUp(state) !== null,
    coverage: stepCoverage(content.rubric, state.coverage[state.step] ?? {}, state.level),
  });
}
