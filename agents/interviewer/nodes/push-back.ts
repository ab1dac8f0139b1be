import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { pickPhrase } from "@/lib/interview/phrasing";
import { cardFor } from "../attached-check";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

const OPENERS = ["Let me push back on that.", "I'm not sure that holds.", "Hold on."];

/** Challenges a listed mistake with the rubric's pushback, citing a case-study passage on the point. */
export function createPushBack(deps: InterviewerDependencies) {
  return async function pushBack(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const mistake = state.assessment?.mistake;
    if (!mistake) throw new Error("pushBack ran without a mistake to push back on");
    const citations = await deps
      .retrieve({ query: `${mistake.text} ${mistake.pushback}`, scenarioId: state.scenarioId, step: state.step, k: 1 })
      .catch(() => []);
    const source = citations[0] ? ` (See “${citations[0].title}”.)` : "";
    const draft = `${pickPhrase(OPENERS, state.turns.length)} ${mistake.pushback}${source}`;
    const { text, notice } = await speak({ state, config, deps, move: "pushBack", step: state.step, draft });
    const turn = interviewerTurn(state, state.step, text, { citations, notice: notice ?? state.notice });
    return {
      turns: [turn],
      ...cardFor(state, turn),
      pushedBack: [mistake.rubricId],
      citations,
      probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
      probesPerPoint: { [mistake.rubricId]: (state.probesPerPoint[mistake.rubricId] ?? 0) + 1 },
      lastQuestionId: null,
    };
  };
}
