import { STEP_IDS, type StepId } from "@/lib/framework";

export interface HistoryEntry {
  id: string;
  scenarioId: string;
  scenarioTitle: string;
  level: string;
  status: string;
  source: string;
  drillStep: string | null;
  createdAt: string;
  durationMinutes: number | null;
  overall: number | null;
  stepScores: number[] | null;
}

export interface WeakestStep {
  step: StepId;
  meanScore: number;
  /** The scenario of the recent attempt that scored lowest on that step: drill it there. */
  scenarioId: string;
}

/**
 * The scores an attempt gives each step: all seven for a full interview, the drilled step alone
 * for a drill (its report scores that step only; older drill reports listed seven, the drilled
 * one among them).
 */
export function scoresByStep(entry: HistoryEntry): Partial<Record<StepId, number>> {
  const scores = entry.stepScores;
  if (!scores) return {};
  if (entry.drillStep) {
    const step = entry.drillStep as StepId;
    const score = scores.length === 1 ? scores[0] : scores[STEP_IDS.indexOf(step)];
    return score === undefined || !STEP_IDS.includes(step) ? {} : { [step]: score };
  }
  if (scores.length !== STEP_IDS.length) return {};
  return Object.fromEntries(STEP_IDS.map((step, i) => [step, scores[i] ?? 0]));
}

/** Each step's scores over time, oldest first: full interviews and drills of that step. */
export function progressByStep(entries: HistoryEntry[]): Record<StepId, Array<{ date: string; score: number }>> {
  const sorted = [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return Object.fromEntries(
    STEP_IDS.map((step) => [
      step,
      sorted.flatMap((e) => {
        const score = scoresByStep(e)[step];
        return score === undefined ? [] : [{ date: e.createdAt, score }];
      }),
    ]),
  ) as Record<StepId, Array<{ date: string; score: number }>>;
}

/** The step with the lowest mean over its last `recent` scores (interviews and drills), or null before any. */
export function weakestStep(entries: HistoryEntry[], recent = 5): WeakestStep | null {
  const latestFirst = [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  let best: WeakestStep | null = null;
  for (const step of STEP_IDS) {
    const attempts = latestFirst
      .flatMap((e) => {
        const score = scoresByStep(e)[step];
        return score === undefined ? [] : [{ score, scenarioId: e.scenarioId }];
      })
      .slice(0, recent);
    if (attempts.length === 0) continue;
    const meanScore = attempts.reduce((sum, a) => sum + a.score, 0) / attempts.length;
    const worst = attempts.reduce((lowest, a) => (a.score < lowest.score ? a : lowest));
    if (!best || meanScore < best.meanScore)
      best = { step, meanScore: Math.round(meanScore), scenarioId: worst.scenarioId };
  }
  return best;
}
