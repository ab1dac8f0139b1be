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

/** Only full, scored interviews show progress; drills score one step and would drag the others to 0. */
function scoredFull(entries: HistoryEntry[]): Array<HistoryEntry & { stepScores: number[] }> {
  return entries.filter(
    (e): e is HistoryEntry & { stepScores: number[] } =>
      e.stepScores !== null && e.stepScores.length === 7 && !e.drillStep,
  );
}

/** Each step's scores over time, oldest first. */
export function progressByStep(entries: HistoryEntry[]): Record<StepId, Array<{ date: string; score: number }>> {
  const full = scoredFull(entries).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return Object.fromEntries(
    STEP_IDS.map((step, i) => [step, full.map((e) => ({ date: e.createdAt, score: e.stepScores[i] ?? 0 }))]),
  ) as Record<StepId, Array<{ date: string; score: number }>>;
}

/** The step with the lowest mean over the last `recent` full interviews, or null before any. */
export function weakestStep(entries: HistoryEntry[], recent = 5): WeakestStep | null {
  const latest = scoredFull(entries)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, recent);
  if (latest.length === 0) return null;
  let best: WeakestStep | null = null;
  STEP_IDS.forEach((step, i) => {
    const scores = latest.map((e) => e.stepScores[i] ?? 0);
    const meanScore = scores.reduce((a, b) => a + b, 0) / scores.length;
    const worst = latest.reduce((lowest, e) => ((e.stepScores[i] ?? 0) < (lowest.stepScores[i] ?? 0) ? e : lowest));
    if (!best || meanScore < best.meanScore)
      best = { step, meanScore: Math.round(meanScore), scenarioId: worst.scenarioId };
  });
  return best;
}
