import type { LangGraphRunnableConfig } from "@langchain/langgraph";
import type { StepId } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import type { Citation } from "@/lib/scoring/schema";
import type { Turn } from "@/lib/types";
import type { InterviewerDependencies } from "./dependencies";
import { emitGraphEvent } from "./emit-graph-event";
import type { Move } from "./routers";
import type { State } from "./state";

export const MODEL_UNAVAILABLE_NOTICE = "The model did not answer in time; the offline interviewer answered this turn.";

/**
 * An interviewer turn whose id is derived from its position in the thread, so that a node
 * replayed after a restart produces the same id and the transcript cannot hold it twice.
 */
export function interviewerTurn(
  state: Pick<State, "interviewId" | "turns">,
  step: StepId,
  content: string,
  extra: { citations?: Citation[]; notice?: string | null } = {},
): Turn {
  return {
    id: `${state.interviewId}:${state.turns.length}`,
    role: "interviewer",
    step,
    content,
    ...(extra.citations && extra.citations.length > 0 ? { citations: extra.citations } : {}),
    ...(extra.notice ? { notice: extra.notice } : {}),
  };
}

/**
 * Says a reply: the model phrases the policy's draft when one is configured, streaming tokens to
 * the client; without a model, or when it fails, the draft itself is said (and streamed).
 */
export async function speak({
  state,
  config,
  deps,
  move,
  step,
  draft: ownDraft,
  withPreface = true,
}: {
  state: State;
  config: LangGraphRunnableConfig;
  deps: InterviewerDependencies;
  move: Move | "open";
  step: StepId;
  draft: string;
  /** Whether to say the facts and confirmations the candidate's message called for first (default yes). */
  withPreface?: boolean;
}): Promise<{ text: string; notice: string | null }> {
  const draft = withPreface && state.plan.preface ? `${state.plan.preface}\n\n${ownDraft}` : ownDraft;
  const emit = (token: string) => emitGraphEvent(config, { type: "token", token });
  if (deps.phrase) {
    const last = [...state.turns].reverse().find((t) => t.role === "candidate");
    const tokens: string[] = [];
    try {
      const text = await deps.phrase(
        {
          scenarioTitle: getScenario(state.scenarioId).title,
          level: state.level,
          step,
          move,
          draft,
          lastCandidateMessage: last?.content ?? null,
          diagram: state.diagram,
        },
        (token) => {
          tokens.push(token);
          emit(token);
        },
      );
      if (text.trim()) return { text: text.trim(), notice: null };
    } catch {
      // The offline draft below replaces whatever was streamed; the client is told to reset.
      if (tokens.length > 0) emitGraphEvent(config, { type: "reset" });
    }
    for (const word of draft.split(/(?<=\s)/)) emit(word);
    return { text: draft, notice: MODEL_UNAVAILABLE_NOTICE };
  }
  for (const word of draft.split(/(?<=\s)/)) emit(word);
  return { text: draft, notice: null };
}
