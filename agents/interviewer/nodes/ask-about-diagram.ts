import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { diagramQuestion, diagramQuestionId } from "@/lib/diagram/interviewer/choose-point";
import { acknowledge } from "@/lib/interview/acknowledge";
import { repeatsInterviewer } from "@/lib/interview/ledger";
import { getScenario } from "@/lib/scenarios/library";
import { cardFor } from "../attached-check";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import { addTo, type State, type Update } from "../state";

/**
 * Raises one point on the candidate's diagram as a question (issue 16), after acknowledging the
 * answer in the candidate's own numbers or points, as a follow-up would. The point's key is kept,
 * so it is never raised again.
 */
export function createAskAboutDiagram(deps: InterviewerDependencies) {
  return async function askAboutDiagram(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const point = state.assessment?.diagramPoint;
    if (!point) throw new Error("askAboutDiagram ran without a diagram point");
    const content = getScenario(state.scenarioId).steps[state.step];
    const turnIndex = state.turns.length - 1;
    const numbers = state.ledger.filter(
      (e) => e.source === "candidate" && e.turn === turnIndex && !repeatsInterviewer(e, state.ledger),
    );
    const earned = content.rubric.filter((r) => state.assessment?.newlyCovered.includes(r.id)).map((r) => r.title);
    const ack = state.assessment?.confirmed
      ? null
      : acknowledge({ numbers, earnedTitles: earned, used: state.usedPhrases });
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "askAboutDiagram",
      step: state.step,
      draft: [ack?.text ?? "", diagramQuestion(point)].filter(Boolean).join(" "),
    });
    const turn = interviewerTurn(state, state.step, text, { notice: notice ?? state.notice });
    return {
      turns: [turn],
      ...cardFor(state, turn),
      diagramRaised: [point.key],
      probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
      ...addTo("usedPhrases", ack ? [ack.template] : []),
      lastQuestionId: diagramQuestionId(point),
    };
  };
}
