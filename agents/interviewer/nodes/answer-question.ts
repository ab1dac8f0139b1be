import { matchFact } from "@/lib/interview/match-fact";
import { pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

const factKey = (id: string) => `fact:${id}`;

/** Answers a candidate's question with a scenario fact when one fits; otherwise asks them to assume. */
export async function answerQuestion(state: State): Promise<Update> {
  const scenario = getScenario(state.scenarioId);
  const question = state.turns[state.turns.length - 1]?.content ?? "";
  const fact = matchFact(scenario.facts, question);
  const seed = state.turns.length;
  if (!fact) {
    const content = pickPhrase(
      [
        "I don't have a figure for that; make a reasonable assumption, state it, and carry on.",
        "That's yours to decide. Pick an assumption you can defend and tell me why.",
      ],
      seed,
    );
    return { turns: [interviewerTurn(state, state.step, content)] };
  }
  const repeated = state.asked.includes(factKey(fact.id));
  const content = `${repeated ? "As I mentioned: " : ""}${fact.answer.trim()}`;
  return { turns: [interviewerTurn(state, state.step, content)], asked: [factKey(fact.id)] };
}
