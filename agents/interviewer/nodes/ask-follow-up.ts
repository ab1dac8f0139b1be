import { STEP_TITLES } from "@/lib/framework";
import { listInProse, pickPhrase } from "@/lib/interview/phrasing";
import { getScenario } from "@/lib/scenarios/library";
import { interviewerTurn } from "../speak";
import type { State, Update } from "../state";

// Rubric titles are third-person verb phrases ("Splits retrieval from ranking").
const ACKNOWLEDGEMENTS = ["That answer {items}.", "Good, that {items}.", "Noted: your answer {items}."];
const NOTHING_YET = [
  "Let me push a little further on this.",
  "I want to dig into that a bit.",
  "Let's make that more concrete.",
];

/**
 * Asks a follow-up that targets a rubric item the candidate has not covered yet, never one
 * already asked; acknowledges by name what the last answer did cover.
 */
export async function askFollowUp(state: State): Promise<Update> {
  const content = getScenario(state.scenarioId).steps[state.step];
  const covered = new Set(state.coverage[state.step] ?? []);
  const asked = new Set(state.asked);
  const fresh = content.followUps.filter((f) => !asked.has(f.id));
  const followUp = fresh.find((f) => f.targets.some((t) => !covered.has(t))) ?? fresh[0] ?? content.followUps[0];
  const seed = state.turns.length;

  const coveredTitles = content.rubric.filter((r) => covered.has(r.id)).map((r) => r.title.toLowerCase());
  const opener =
    coveredTitles.length > 0
      ? pickPhrase(ACKNOWLEDGEMENTS, seed).replace("{items}", listInProse(coveredTitles.slice(0, 2)))
      : pickPhrase(NOTHING_YET, seed);
  const question = followUp ? followUp.text : `What else matters for ${STEP_TITLES[state.step].toLowerCase()}?`;

  return {
    turns: [interviewerTurn(state, state.step, `${opener} ${question}`)],
    probesPerStep: { [state.step]: (state.probesPerStep[state.step] ?? 0) + 1 },
    asked: followUp ? [followUp.id] : [],
  };
}
