import { type Level, levelReaches, type ScenarioId, type StepId } from "@/lib/domain/framework";
import type { InterviewerPanel } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";

type Suggestion = InterviewerPanel["suggestions"][number];

export interface SuggestFollowUpsInput {
  scenarioId: ScenarioId;
  level: Level;
  step: StepId;
  /** rubricId -> credit 0..1 the candidate has earned in this step so far (absent: 0). */
  credits: Record<string, number>;
  /** Items of this step the candidate lost to a mistake, with the mistake's text. */
  lost: Array<{ rubricId: string; mistake: string }>;
  /** Interviewer messages already sent, matched against follow-up texts. */
  asked: string[];
  /** How many suggestions at most; 5 when absent. */
  limit?: number;
}

/** Score of a pushback built from a mistake the scenario has no scripted follow-up for. */
export const MISTAKE_PUSHBACK_SCORE = 15;

const DEFAULT_LIMIT = 5;

/** Lower-case, whitespace collapsed and trimmed: a human interviewer retypes rather than pastes. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * What a human interviewer could ask next in a step, best first. It ranks the step's follow-ups
 * as the AI interviewer's chooser does (agents/interviewer/follow-ups.ts), so a peer interviewer
 * is steered to the same open, level-expected points: +10 per open target expected at the level,
 * +2 per open target, -0.01 per place in the scenario's list, 0.5 for a follow-up with no targets.
 * Unlike the AI, a scripted pushback earns +20 when it challenges a mistake actually made (else
 * -5), and a mistake with no scripted pushback gets one built from the scenario's own pushback
 * line (or the mistake's text) at score 15, so a mistake is never left unchallenged.
 * Follow-ups already asked, or whose every target is fully earned, are left out.
 */
export function suggestFollowUps(input: SuggestFollowUpsInput): Suggestion[] {
  const content = getScenario(input.scenarioId).steps[input.step];
  const items = new Map(content.rubric.map((item) => [item.id, item]));
  const asked = new Set(input.asked.map(normalise));
  const lostIds = new Set(input.lost.map((entry) => entry.rubricId));
  const credit = (rubricId: string) => input.credits[rubricId] ?? 0;
  const open = (rubricId: string) => credit(rubricId) < 1;
  const expected = (rubricId: string) => {
    const item = items.get(rubricId);
    return item !== undefined && levelReaches(input.level, item.level);
  };

  const scored: Array<{ suggestion: Suggestion; score: number; order: number }> = [];
  content.followUps.forEach((followUp, index) => {
    if (asked.has(normalise(followUp.text))) return;
    const { targets } = followUp;
    if (targets.length > 0 && !targets.some(open)) return;
    let score =
      targets.length === 0
        ? 0.5
        : targets.filter((t) => open(t) && expected(t)).length * 10 + targets.filter(open).length * 2;
    score -= index * 0.01;
    if (followUp.kind === "pushback") score += targets.some((t) => lostIds.has(t)) ? 20 : -5;
    scored.push({ suggestion: { id: followUp.id, kind: followUp.kind, text: followUp.text }, score, order: index });
  });

  // A lost item the scenario has no scripted pushback for (asked or not) gets one of its own.
  const scripted = new Set(content.followUps.filter((f) => f.kind === "pushback").flatMap((f) => f.targets));
  const built = new Set<string>();
  for (const entry of input.lost) {
    const item = items.get(entry.rubricId);
    if (!item || scripted.has(entry.rubricId) || built.has(entry.rubricId)) continue;
    built.add(entry.rubricId);
    const known = item.mistakes.find((m) => normalise(m.text) === normalise(entry.mistake));
    const text = known?.pushback ?? `Push back: ${entry.mistake}`;
    if (asked.has(normalise(text))) continue;
    scored.push({
      suggestion: { id: `mistake:${entry.rubricId}`, kind: "pushback", text },
      score: MISTAKE_PUSHBACK_SCORE,
      order: content.followUps.length + built.size,
    });
  }

  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, Math.max(0, input.limit ?? DEFAULT_LIMIT)).map((entry) => entry.suggestion);
}
