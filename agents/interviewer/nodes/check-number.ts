import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { cardFor } from "../attached-check";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/**
 * Challenges a figure whose arithmetic does not hold, with the right figure and the formula on
 * the card, or asks for the one input the check lacks. No praise comes before it.
 */
export function createCheckNumber(deps: InterviewerDependencies) {
  return async function checkNumber(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const check = state.assessment?.numberCheck;
    if (!check) throw new Error("checkNumber ran without a figure to challenge");
    const ask =
      check.verdict === "cannot_check" ? "" : " How does that change your design, and which figure would you revise?";
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "checkNumber",
      step: state.step,
      draft: `${check.headline}${ask}`,
    });
    const turn = interviewerTurn(state, state.step, text, { notice: notice ?? state.notice });
    return {
      turns: [turn],
      ...cardFor(state, turn),
      probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
      lastQuestionId: null,
    };
  };
}
