import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import { STEP_TITLES } from "@/lib/framework";
import { acknowledge } from "@/lib/interview/acknowledge";
import { repeatsInterviewer } from "@/lib/interview/ledger";
import { getScenario } from "@/lib/scenarios/library";
import { cardFor } from "../attached-check";
import type { InterviewerDependencies } from "../dependencies";
import { chooseFollowUp } from "../follow-ups";
import { interviewerTurn, speak } from "../speak";
import { addTo, type State, type Update } from "../state";

/** Said when the candidate declines a question, each once an interview; after that the next question alone. */
const DECLINE_OPENERS: Array<[string, string]> = [
  ["decline:fair", "Fair enough; let's look at something else."],
  ["decline:leave", "Let's leave that one."],
  ["decline:fine", "That's fine."],
];

/**
 * Acknowledges what the answer actually said (the candidate's own numbers, else the points it
 * earned; nothing for a decline or an empty answer, and no template twice), then probes.
 */
export function createAskFollowUp(deps: InterviewerDependencies) {
  return async function askFollowUp(state: State, config: LangGraphRunnableConfig): Promise<Update> {
    const content = getScenario(state.scenarioId).steps[state.step];
    const followUp = chooseFollowUp(state);
    const turnIndex = state.turns.length - 1;
    const numbers = state.ledger.filter(
      (e) => e.source === "candidate" && e.turn === turnIndex && !repeatsInterviewer(e, state.ledger),
    );
    const earned = content.rubric.filter((r) => state.assessment?.newlyCovered.includes(r.id)).map((r) => r.title);
    // No acknowledgement after a challenged figure, nor a second one after a confirmed figure.
    const ack =
      state.intent === "answer" && !state.assessment?.numberCheck && !state.assessment?.confirmed
        ? acknowledge({ numbers, earnedTitles: earned, used: state.usedPhrases })
        : null;
    const decline =
      state.intent === "decline" ? DECLINE_OPENERS.find(([id]) => !state.usedPhrases.includes(id)) : undefined;
    const opener = state.intent === "decline" ? (decline?.[1] ?? "") : (ack?.text ?? "");
    const question = followUp?.text ?? `What else matters for ${STEP_TITLES[state.step].toLowerCase()} here?`;
    const { text, notice } = await speak({
      state,
      config,
      deps,
      move: "askFollowUp",
      step: state.step,
      draft: [opener, question].filter(Boolean).join(" "),
    });
    const turn = interviewerTurn(state, state.step, text, { notice: notice ?? state.notice });
    return {
      turns: [turn],
      ...cardFor(state, turn),
      probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
      probesPerPoint: Object.fromEntries((followUp?.targets ?? []).map((t) => [t, (state.probesPerPoint[t] ?? 0) + 1])),
      ...addTo("asked", followUp ? [followUp.id] : []),
      ...addTo("usedPhrases", [...(ack ? [ack.template] : []), ...(decline ? [decline[0]] : [])]),
      lastQuestionId: followUp?.id ?? null,
    };
  };
}
