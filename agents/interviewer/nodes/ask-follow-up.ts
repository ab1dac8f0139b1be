import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { STEP_TITLES } from "@/lib/framework";
import { listInProse, lowerFirst, pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import type { State, Update } from "../state";
import { chooseFollowUp } from "./choose-follow-up";

const WITH_NUMBERS = ["You put it at {q}.", "So {q}; noted.", "{q}, good to have a number."];
// Rubric titles are third-person verb phrases ("Splits retrieval from ranking").
const WITH_ITEMS = ["That answer {items}.", "Good, that {items}.", "Noted: your answer {items}."];
const PLAIN = ["Let me push a little further.", "I want to dig into that.", "Let's make that more concrete."];

/** Acknowledges what the answer actually said (its numbers, the items it earned), then probes. */
export function createAskFollowUp(deps: InterviewerDependencies) {
  return async function askFollowUp(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const content = getScenario(state.scenarioId).steps[state.step];
    const followUp = chooseFollowUp(state);
    const seed = state.turns.length;
    const quantities = state.assessment?.quantities ?? [];
    const newly = content.rubric.filter((r) => state.assessment?.newlyCovered.includes(r.id));
    const opener =
      quantities.length > 0
        ? pickPhrase(WITH_NUMBERS, seed).replace("{q}", listInProse(quantities.slice(0, 2)))
        : newly.length > 0
          ? pickPhrase(WITH_ITEMS, seed).replace(
              "{items}",
              listInProse(newly.slice(0, 2).map((r) => lowerFirst(r.title))),
            )
          : pickPhrase(PLAIN, seed);
    const question = followUp?.text ?? `What else matters for ${STEP_TITLES[state.step].toLowerCase()} here?`;
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "askFollowUp",
      step: state.step,
      draft: `${opener} ${question}`,
    });
    return {
      turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })],
      probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
      probesPerPoint: Object.fromEntries((followUp?.targets ?? []).map((t) => [t, (state.probesPerPoint[t] ?? 0) + 1])),
      asked: followUp ? [followUp.id] : [],
      lastQuestionId: followUp?.id ?? null,
    };
  };
}
