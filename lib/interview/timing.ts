import { STEP_IDS, type StepId } from "@/lib/framework";

/** The default interview length, split across the steps by how much each usually needs. */
export const DEFAULT_INTERVIEW_MINUTES = 45;

const STEP_SHARE: Record<StepId, number> = {
  "clarify-requirements": 5,
  "frame-problem": 5,
  "data-preparation": 7,
  "model-development": 8,
  evaluation: 7,
  "deployment-serving": 8,
  monitoring: 5,
};

/**
 * Each step's time budget in milliseconds for an interview of `minutes`. A drill practises one
 * step, which gets the whole time (the interviewer announces it as "about N minutes"); the
 * steps it skips get none.
 */
export function stepBudgets(minutes = DEFAULT_INTERVIEW_MINUTES, drillStep?: StepId): Record<StepId, number> {
  const total = STEP_IDS.reduce((sum, step) => sum + STEP_SHARE[step], 0);
  const share = (step: StepId) => (drillStep ? (step === drillStep ? 1 : 0) : STEP_SHARE[step] / total);
  return Object.fromEntries(STEP_IDS.map((step) => [step, minutes * 60_000 * share(step)])) as Record<StepId, number>;
}
