import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { STEP_IDS, STEP_TITLES } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";

/** Greets the candidate with the scenario's prompt and the first step's question. */
export function createOpenInterview(deps: InterviewerDependencies) {
  return async function openInterview(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const scenario = getScenario(state.scenarioId);
    const first = state.step ?? STEP_IDS[0];
    const plan = state.drill
      ? `This is a drill on one step, "${STEP_TITLES[first]}", about ${Math.round(state.minutes)} minutes.`
      : `We have about ${state.minutes} minutes for seven steps, starting with "${STEP_TITLES[first]}".`;
    const draft = [
      scenario.prompt.trim(),
      `${plan} Ask me for any facts you need; say "hint" if you are stuck or "next" to move on.`,
      scenario.steps[first].question,
    ].join("\n\n");
    const { text, notice } = await speak({ state, config, deps, move: "open", step: first, draft });
    return { step: first, status: "active", turns: [interviewerTurn(state, first, text, { notice })] };
  };
}
