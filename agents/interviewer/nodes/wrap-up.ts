import { STEP_IDS } from "@/lib/framework";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

/** Closes the interview and summarises how much of each step's rubric was covered. */
export async function wrapUp(state: State): Promise<Update> {
  const discussed = STEP_IDS.filter((step) => (state.answersPerStep[step] ?? 0) > 0).length;
  const content = `That's the end of the interview. We discussed ${discussed} of the 7 steps. Your transcript is below; you can download it.`;
  return { status: "completed", turns: [interviewerTurn(state, state.step, content)] };
}
