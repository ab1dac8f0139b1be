import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { STEP_TITLES } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import type { FollowUp } from "@/lib/scenarios/schema";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/** The first sentence of a question that runs to several, for a shorter restatement. */
function firstSentence(text: string): string {
  return text.split(/(?<=[?.])\s+/)[0] ?? text;
}

/**
 * Asks the current question again in other words, without giving away what the rubric wants:
 * another of the step's follow-ups aimed at the same points when one is left (a real rewording),
 * else the question cut to its core. A message aimed at the interviewer's instructions gets the
 * same, after a word that the interview goes on as before.
 */
export function createClarifyQuestion(deps: InterviewerDependencies) {
  return async function clarifyQuestion(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const content = getScenario(state.scenarioId).steps[state.step];
    const current = content.followUps.find((f) => f.id === state.lastQuestionId);
    const used = new Set([...state.asked, ...state.declined]);
    const sameAim = (f: FollowUp) =>
      !used.has(f.id) && f.kind !== "pushback" && (current?.targets ?? []).some((t) => f.targets.includes(t));
    const alternative = current ? content.followUps.find(sameAim) : undefined;
    // Only a different question is "another way"; otherwise the question is said again, in short.
    const lead =
      state.intent === "off_script"
        ? "I'll keep to the interview as it is."
        : alternative
          ? "Let me put it another way."
          : "Sure, here it is again, in short.";
    const question = alternative
      ? alternative.text
      : current
        ? firstSentence(current.text)
        : `We're on “${STEP_TITLES[state.step]}”: ${firstSentence(content.question)}`;
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "clarifyQuestion",
      step: state.step,
      draft: `${lead} ${question}`,
    });
    return {
      turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })],
      ...(alternative ? { asked: [alternative.id], lastQuestionId: alternative.id } : {}),
    };
  };
}
