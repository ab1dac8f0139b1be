import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { levelReaches, STEP_TITLES } from "@/lib/framework";
import { listInProse, lowerFirst } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/**
 * Says the current question again in other words: what it is after (the rubric points it
 * targets) and the question itself. A message aimed at the interviewer's instructions gets the
 * same, after a word that the interview goes on as before.
 */
export function createClarifyQuestion(deps: InterviewerDependencies) {
  return async function clarifyQuestion(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const content = getScenario(state.scenarioId).steps[state.step];
    const followUp = content.followUps.find((f) => f.id === state.lastQuestionId);
    const targets = followUp
      ? content.rubric.filter((r) => followUp.targets.includes(r.id))
      : content.rubric.filter((r) => levelReaches(state.level, r.level)).slice(0, 2);
    const about = targets.length > 0 ? listInProse(targets.slice(0, 2).map((r) => lowerFirst(r.title))) : "";
    const lead =
      state.intent === "off_script"
        ? "I'll keep to the interview as it is."
        : followUp
          ? "Let me put it another way."
          : `We're on “${STEP_TITLES[state.step]}”.`;
    const aim = about ? ` What I'm after: ${about}.` : "";
    const draft = `${lead}${aim} ${followUp?.text ?? content.question}`;
    const { text, notice } = await speak({ state, config, deps, move: "clarifyQuestion", step: state.step, draft });
    return { turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })] };
  };
}
