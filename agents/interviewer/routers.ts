import { nextStep, type StepId } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import { coverage, decisionsFromCredits } from "@/lib/scoring/coverage";
import { chooseFollowUp } from "./follow-ups";
import type { State } from "./state";

/** The most probes (follow-ups and pushbacks) in one step; see follow-ups.ts for one rubric point. */
export const MAX_PROBES_PER_STEP = 3;
/**
 * Coverage (lib/scoring/coverage.ts, the same number a step's score is built from) at which the
 * interviewer is satisfied with a step.
 */
export const SATISFIED_COVERAGE = 0.6;

export type Move =
  | "askFollowUp"
  | "pushBack"
  | "checkNumber"
  | "askAboutDiagram"
  | "giveHint"
  | "answerQuestion"
  | "clarifyQuestion"
  | "advanceStep"
  | "wrapUp";

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
      // A point on the diagram comes before the step's next follow-up: it is about what the
      // candidate just drew, and the chooser already keeps it to one turn in two.
      if (input.assessment?.diagramPoint) return "askAboutDiagram";
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
    coverage: coverage(decisionsFromCredits(content.rubric, state.coverage[state.step] ?? {}), state.level),
  });
}
