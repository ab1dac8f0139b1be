import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { STEP_TITLES } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/**
 * Says the current question again, whole and without giving away what the rubric wants. A message
 * aimed at the interviewer's instructions gets the same, after a word that the interview goes on as before.
 */
export function createClarifyQuestion(deps: InterviewerDependencies) {
  return async function clarifyQuestion(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const content = getScenario(state.scenarioId).steps[state.step];
    const current = content.followUps.find((f) => f.id === state.lastQuestionId);
    // The same question again, whole: a different question would leave the candidate's request unmet.
    const lead =
      state.intent === "off_script" ? "I'll keep to the interview as it is." : "Sure, here's the question again:";
    const question = current ? current.text : `We're on “${STEP_TITLES[state.step]}”. ${content.question}`;
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "clarifyQuestion",
      step: state.step,
      draft: `${lead} ${question}`,
    });
    return { turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })] };
  };
}
