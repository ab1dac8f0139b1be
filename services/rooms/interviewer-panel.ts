import { STEP_IDS } from "@/lib/framework";
import { suggestFollowUps } from "@/lib/rooms/interviewer-suggestions";
import { rubricAtLevel } from "@/lib/rooms/rubric-at-level";
import type { InterviewerPanel } from "@/lib/rooms/types";
import { getScenario, getScenarioLibrary } from "@/lib/scenarios/library";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import type { InterviewView } from "@/lib/types";

/**
 * What a member in the interviewer's seat sees and nobody else does: the scenario's facts (the
 * answers to the candidate's questions), the rubric at the level, the follow-ups to ask next for
 * the current step, and the AI's reading of the answers so far (the same deterministic scorer
 * that writes the final report, run over the transcript as it stands).
 */
export async function buildInterviewerPanel(view: InterviewView): Promise<InterviewerPanel> {
  const scenario = getScenario(view.scenarioId);
  const candidateTurns = view.turns.filter((turn) => turn.role === "candidate");
  const report =
    candidateTurns.length === 0
      ? null
      : await scoreTranscript(
          {
            scenarioId: view.scenarioId,
            level: view.level,
            turns: view.turns.map((turn) => ({ role: turn.role, step: turn.step, content: turn.content })),
          },
          { library: getScenarioLibrary() },
        );
  const coverage = STEP_IDS.map((step) => {
    const scored = report?.steps.find((s) => s.step === step);
    return {
      step,
      score: scored?.score ?? 0,
      items: (scored?.covered ?? []).map((c) => ({ rubricId: c.rubricId, credit: c.credit, quote: c.quote })),
    };
  });
  const current = report?.steps.find((s) => s.step === view.currentStep);
  const credits: Record<string, number> = {};
  for (const item of current?.covered ?? [])
    credits[item.rubricId] = Math.max(credits[item.rubricId] ?? 0, item.credit);
  return {
    facts: scenario.facts.map((fact) => ({ topic: fact.topic, text: fact.answer })),
    rubric: rubricAtLevel(view.scenarioId, view.level),
    suggestions: suggestFollowUps({
      scenarioId: view.scenarioId,
      level: view.level,
      step: view.currentStep,
      credits,
      lost: (current?.lost ?? []).map((l) => ({ rubricId: l.rubricId, mistake: l.mistake })),
      asked: view.turns.filter((turn) => turn.role === "interviewer").map((turn) => turn.content),
    }),
    coverage,
  };
}
