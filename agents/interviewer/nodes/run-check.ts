import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

const TITLES: Record<string, string> = {
  ann: "approximate nearest-neighbour search",
  funnel: "a two-stage recommender funnel",
  ctr: "click-through-rate metrics",
  capacity: "capacity arithmetic",
};

/**
 * Checks the candidate's number with a small reference run and shows the result card; the
 * reply then asks how it squares with their figure. A failed run says so and moves on.
 */
export function createRunCheck(deps: InterviewerDependencies) {
  return async function runCheck(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const claim = state.assessment?.checkable;
    if (!claim || !deps.runCheck) throw new Error("runCheck ran without a claim or a runner");
    const intro = `Let me check that against a small reference run of ${TITLES[claim.pipeline] ?? claim.pipeline}.`;
    config.writer?.({ type: "token", token: `${intro} ` });
    const done = [`${state.step}:${claim.pipeline}`];
    try {
      const card = await deps.runCheck(claim, (message) => config.writer?.({ type: "progress", message }));
      const text = `${intro} ${card.headline} How does that square with your figure, and what would you change?`;
      config.writer?.({ type: "token", token: text.slice(intro.length + 1) });
      return {
        checksRun: done,
        probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
        turns: [{ ...interviewerTurn(state, state.step, text), check: card }],
      };
    } catch {
      const text = `${intro} The run did not complete, so let's go on: what would you measure to back that number?`;
      return { checksRun: done, turns: [interviewerTurn(state, state.step, text)] };
    }
  };
}
