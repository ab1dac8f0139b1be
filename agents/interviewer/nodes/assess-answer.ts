import { detectIntent } from "@/lib/interview/detect-intent";
import { coveredRubricItems } from "@/lib/interview/match-rubric";
import { getScenario } from "@/lib/scenarios/library";
import type { State, Update } from "../state";

/** Records the candidate's message and what it covered of the current step's rubric. */
export async function assessAnswer(state: State): Promise<Update> {
  const input = state.pending;
  if (!input) throw new Error("assessAnswer ran without a pending candidate message");
  const intent = detectIntent(input.content);
  const turn = { id: input.id, role: "candidate" as const, step: state.step, content: input.content };
  if (intent !== "answer") return { intent, turns: [turn], pending: null };

  const rubric = getScenario(state.scenarioId).steps[state.step].rubric;
  const already = state.coverage[state.step] ?? [];
  const covered = [...new Set([...already, ...coveredRubricItems(rubric, input.content)])];
  return {
    intent,
    turns: [turn],
    pending: null,
    coverage: { [state.step]: covered },
    answersPerStep: { [state.step]: (state.answersPerStep[state.step] ?? 0) + 1 },
  };
}
