import { STEP_IDS, STEP_TITLES } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

/** Greets the candidate with the scenario's prompt and the first step's question. */
export async function openInterview(state: State): Promise<Update> {
  const scenario = getScenario(state.scenarioId);
  const first = STEP_IDS[0];
  const content = [
    scenario.prompt.trim(),
    `We will go through seven steps, starting with "${STEP_TITLES[first]}". Ask me for any facts you need; say "hint" if you are stuck or "next" to move on.`,
    scenario.steps[first].question,
  ].join("\n\n");
  return { step: first, status: "active", turns: [interviewerTurn(state, first, content)] };
}
