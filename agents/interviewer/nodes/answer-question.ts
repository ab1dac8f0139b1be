import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { pickPhrase } from "@/lib/interview/phrasing";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/**
 * Answers the candidate's questions with the scenario facts they ask for (found when the message
 * was read); when no fact answers them, asks the candidate to assume a figure and state it.
 */
export function createAnswerQuestion(deps: InterviewerDependencies) {
  return async function answerQuestion(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const draft =
      state.plan.preface ||
      pickPhrase(
        [
          "I don't have a figure for that; make a reasonable assumption, state it, and carry on.",
          "That's yours to decide. Pick an assumption you can defend and tell me why.",
        ],
        state.turns.length,
      );
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "answerQuestion",
      step: state.step,
      draft,
      withPreface: false,
    });
    return { turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })] };
  };
}
