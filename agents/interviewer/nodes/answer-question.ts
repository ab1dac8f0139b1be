import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { matchFacts } from "@/lib/interview/match-fact";
import { pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/** Answers a candidate's question with the scenario facts it asks for; otherwise asks them to assume. */
export function createAnswerQuestion(deps: InterviewerDependencies) {
  return async function answerQuestion(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const scenario = getScenario(state.scenarioId);
    const question = state.turns[state.turns.length - 1]?.content ?? "";
    const facts = matchFacts(scenario.facts, question, 2);
    const draft =
      facts.length === 0
        ? pickPhrase(
            [
              "I don't have a figure for that; make a reasonable assumption, state it, and carry on.",
              "That's yours to decide. Pick an assumption you can defend and tell me why.",
            ],
            state.turns.length,
          )
        : facts
            .map((f) => `${state.revealedFacts.includes(f.id) ? "As I mentioned: " : ""}${f.answer.trim()}`)
            .join(" ");
    const { text, notice } = await speak({ state, config, deps, move: "answerQuestion", step: state.step, draft });
    return {
      turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })],
      revealedFacts: facts.map((f) => f.id),
    };
  };
}
