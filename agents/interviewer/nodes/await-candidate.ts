import { interrupt } from "@langchain/langgraph";
import type { CandidateInput, State, Update } from "../state";

/**
 * Pauses the thread until the candidate's next message arrives as the resume value.
 * Kept tiny because LangGraph re-runs an interrupted node from its first line on resume.
 */
export async function awaitCandidate(_state: State): Promise<Update> {
  const input = interrupt<{ waitingFor: "candidate" }, CandidateInput>({ waitingFor: "candidate" });
  return { pending: input };
}
