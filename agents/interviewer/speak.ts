import type { StepId } from "@/lib/framework";
import type { Turn } from "@/lib/types";
import type { State } from "./state";

/**
 * An interviewer turn whose id is derived from its position in the thread, so that a node
 * replayed after a restart produces the same id and the transcript cannot hold it twice.
 */
export function interviewerTurn(state: Pick<State, "interviewId" | "turns">, step: StepId, content: string): Turn {
  return { id: `${state.interviewId}:${state.turns.length}`, role: "interviewer", step, content };
}
