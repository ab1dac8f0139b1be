import { nextStep, STEP_TITLES } from "@/lib/framework";
import { pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

const TRANSITIONS = ["Let's move on to {title}.", "Good, next: {title}.", "Now for {title}."];

/** Moves to the next step and asks its opening question. The router never sends the last step here. */
export async function advanceStep(state: State): Promise<Update> {
  const step = nextStep(state.step);
  if (!step) throw new Error("advanceStep reached past the last step");
  const content = getScenario(state.scenarioId).steps[step];
  const transition = pickPhrase(TRANSITIONS, state.turns.length).replace("{title}", STEP_TITLES[step].toLowerCase());
  return { step, turns: [interviewerTurn(state, step, `${transition} ${content.question}`)] };
}
