import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { nextStep, STEP_TITLES } from "@/lib/framework";
import { pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import { cardFor } from "../attached-check";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

// No praise here: a candidate who typed "next" with no answer has earned none.
const TRANSITIONS = ["Let's move on to {title}.", "Next: {title}.", "Now for {title}."];

/**
 * Moves to the next step (or the later step the candidate asked for by name) and asks its opening
 * question; says so when the step's time ran out.
 */
export function createAdvanceStep(deps: InterviewerDependencies) {
  return async function advanceStep(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const step = state.plan.jumpTo ?? nextStep(state.step);
    if (!step) throw new Error("advanceStep reached past the last step");
    const content = getScenario(state.scenarioId).steps[step];
    const timeUp = state.assessment?.timeUp
      ? `We're at time for “${STEP_TITLES[state.step]}”, so I'll move us on. `
      : "";
    const transition = pickPhrase(TRANSITIONS, state.turns.length).replace("{title}", `“${STEP_TITLES[step]}”`);
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "advanceStep",
      step,
      draft: `${timeUp}${transition} ${content.question}`,
    });
    const turn = interviewerTurn(state, step, text, { notice: notice ?? state.notice });
    return {
      step,
      stepStartedAt: state.lastMessageAt,
      lastQuestionId: null,
      turns: [turn],
      ...cardFor(state, turn),
    };
  };
}
