import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import type { InterviewerDependencies } from "../dependencies";
import { interviewerTurn, speak } from "../speak";
import { addTo, type State, type Update } from "../state";

/** Said once an interview: after that, "I don't know" gets the hint alone. */
const REASSURE = "lead:dont-know";

export const hintId = (step: string, index: number) => `hint:${step}:${index}`;

/** Gives the next unused hint of the step, preferring one aimed at an item not yet earned. */
export function createGiveHint(deps: InterviewerDependencies) {
  return async function giveHint(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const content = getScenario(state.scenarioId).steps[state.step];
    const hints = content.hints;
    const credits = state.coverage[state.step] ?? {};
    const asked = new Set(state.asked);
    const unused = hints
      .map((hint, index) => ({ hint, id: hintId(state.step, index) }))
      .filter((h) => !asked.has(h.id));
    // A hint for the question on the table first, then for any point not yet earned.
    const pending = content.followUps.find((f) => f.id === state.lastQuestionId)?.targets ?? [];
    const choice =
      unused.find((h) => h.hint.targets.some((t) => pending.includes(t) && (credits[t] ?? 0) < 1)) ??
      unused.find((h) => h.hint.targets.some((t) => (credits[t] ?? 0) < 1)) ??
      unused[0];
    // "I don't know" is met with help, not with a demand to say more.
    const reassure = state.intent === "dont_know" && !state.usedPhrases.includes(REASSURE);
    const lead = reassure ? "That's fine; let's work it out together." : "";
    const draft = choice
      ? `${lead} ${pickPhrase(["Here is a nudge:", "A hint:"], state.turns.length)} ${choice.hint.text}`.trim()
      : 'That was my last hint for this step. Take your best shot, or say "next" to move on.';
    const { text, notice } = await speak({ state, config, deps, move: "giveHint", step: state.step, draft });
    return {
      turns: [interviewerTurn(state, state.step, text, { notice: notice ?? state.notice })],
      ...addTo("asked", choice ? [choice.id] : []),
      ...addTo("usedPhrases", reassure ? [REASSURE] : []),
      hintsUsed: { [state.step]: (state.hintsUsed[state.step] ?? 0) + (choice ? 1 : 0) },
    };
  };
}
