import { z } from "zod";
import type { ScenarioId, StepId } from "@/lib/framework";
import { STEP_IDS } from "@/lib/framework";
import { DEFAULT_INTERVIEW_MINUTES, stepBudgets } from "@/lib/interview/timing";
import { getScenario } from "@/lib/scenarios/library";
import type { ScoreReport } from "@/lib/scoring/schema";
import type { CheckCard, InterviewView, Turn } from "@/lib/types";
import type { Reconciled } from "./reconcile";

const messageMetaSchema = z
  .object({
    citations: z
      .array(z.object({ chunkId: z.string(), scenarioId: z.string().nullable(), step: z.string(), title: z.string() }))
      .optional(),
    notice: z.string().optional(),
    check: z.custom<CheckCard>((value) => typeof value === "object" && value !== null).optional(),
  })
  .nullable()
  .catch(null);

/** The page's view of an interview, from what reconcile has just read: no further I/O. */
export function toView({ interview, state, rows }: Reconciled): InterviewView {
  const turns: Turn[] = rows.map((row) => {
    const meta = messageMetaSchema.parse(row.meta ?? null);
    return {
      id: row.id,
      role: row.role,
      step: (row.step ?? undefined) as StepId | undefined,
      content: row.content,
      ...(meta?.citations ? { citations: meta.citations } : {}),
      ...(meta?.notice ? { notice: meta.notice } : {}),
      ...(meta?.check ? { check: meta.check } : {}),
    };
  });
  const { values } = state;
  const scenario = getScenario(interview.scenarioId);
  // One number per step everywhere: the report's score once there is a report (imports have
  // nothing else), the same computation over the interview so far before it.
  const report = (interview.report as ScoreReport | null) ?? null;
  const coverage = Object.fromEntries(
    STEP_IDS.flatMap((step) => {
      if (report) {
        const scored = report.steps.find((s) => s.step === step);
        return scored ? [[step, scored.score / 100]] : [];
      }
      return [[step, (values.stepScores?.[step] ?? 0) / 100]];
    }),
  );
  return {
    id: interview.id,
    scenarioId: interview.scenarioId as ScenarioId,
    scenarioTitle: scenario.title,
    level: interview.level,
    status: interview.status,
    currentStep: interview.currentStep as StepId,
    drillStep: (interview.drillStep as StepId | null) ?? undefined,
    turns,
    stepStartedAt: values.stepStartedAt ?? interview.createdAt.toISOString(),
    stepBudgetsMs: stepBudgets(
      values.minutes ?? interview.minutes ?? DEFAULT_INTERVIEW_MINUTES,
      (interview.drillStep as StepId | null) ?? undefined,
    ),
    coverage,
    report,
    ledger: values.ledger ?? [],
    createdAt: interview.createdAt.toISOString(),
  };
}
