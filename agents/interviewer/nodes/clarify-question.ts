import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { levelReaches, STEP_TITLES } from "@/lib/framework";
import { startsWithVerb } from "@/lib/interview/acknowledge";
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
    const titles = targets.slice(0, 2).map((r) => r.title);
    // Verb-phrase titles read as "an answer that splits…"; noun-phrase titles as the thing itself.
    const verbs = titles.filter(startsWithVerb).map(lowerFirst);
    const nouns = titles.filter((t) => !startsWithVerb(t)).map(lowerFirst);
    const about = [verbs.length > 0 ? `an answer that ${listInProse(verbs)}` : "", listInProse(nouns)]
      .filter(Boolean)
      .join(", and ");
    const lead =
      state.intent === "off_script"
        ? "I'll keep to the interview as it is."
        : followUp
          ? "Let me put it another way."
          : `We're on “${STEP_TITLES[state.step]}”.`;
    const aim = about ? ` I'm looking for ${about}.` : "";
    const draft = `${lead}${aim} ${followUp?.text ?? content.question}`;
    const { text, notice } = await speak({ state, config, deps, move: "clarifyQuestion", step: state.step, draft });
    return { turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })] };
  };
}
