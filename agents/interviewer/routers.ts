import { nextStep } from "@/lib/framework";
import type { State } from "./state";

/** Follow-ups the interviewer asks in a step before moving on by itself. */
export const FOLLOW_UPS_PER_STEP = 1;

export type AssessmentRoute = "askFollowUp" | "giveHint" | "answerQuestion" | "advanceStep" | "wrapUp";

/** Decides what the interviewer does after reading a candidate message. */
export function routeAfterAssessment(state: Pick<State, "intent" | "step" | "probesPerStep">): AssessmentRoute {
  const isLastStep = nextStep(state.step) === null;
  switch (state.intent) {
    case "end":
      return "wrapUp";
    case "hint":
      return "giveHint";
    case "question":
      return "answerQuestion";
    case "next":
      return isLastStep ? "wrapUp" : "advanceStep";
    case "answer": {
      const probes = state.probesPerStep[state.step] ?? 0;
      if (probes < FOLLOW_UPS_PER_STEP) return "askFollowUp";
      return isLastStep ? "wrapUp" : "advanceStep";
    }
  }
}
