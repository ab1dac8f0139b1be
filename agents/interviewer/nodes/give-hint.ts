import { pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

const hintId = (step: string, index: number) => `hint:${step}:${index}`;

/** Gives the next unused hint of the step, preferring one aimed at an uncovered rubric item. */
export async function giveHint(state: State): Promise<Update> {
  const hints = getScenario(state.scenarioId).steps[state.step].hints;
  const covered = new Set(state.coverage[state.step] ?? []);
  const asked = new Set(state.asked);
  const unused = hints.map((hint, index) => ({ hint, id: hintId(state.step, index) })).filter((h) => !asked.has(h.id));
  const choice = unused.find((h) => h.hint.targets.some((t) => !covered.has(t))) ?? unused[0];
  if (!choice) {
    const content = 'That was my last hint for this step. Take your best shot, or say "next" to move on.';
    return { turns: [interviewerTurn(state, state.step, content)] };
  }
  const opener = pickPhrase(["Here is a nudge:", "A hint:", "Think about this:"], state.turns.length);
  return {
    turns: [interviewerTurn(state, state.step, `${opener} ${choice.hint.text}`)],
    asked: [choice.id],
  };
}
