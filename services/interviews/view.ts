import { z } from "zod";
import { STEP_IDS } from "@/lib/framework";
import { DEFAULT_INTERVIEW_MINUTES, stepBudgets } from "@/lib/interview/timing";
import { getScenario } from "@/lib/scenarios/library";
import type { CheckCard, InterviewView, Turn } from "@/lib/types";
import type { MessageRow, Reconciled } from "./reconcile";

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

/** One stored message as the page shows it. */
export function toTurn(row: MessageRow): Turn {
  const meta = messageMetaSchema.parse(row.meta ?? null);
  return {
    id: row.id,
    role: row.role,
    step: row.step ?? undefined,
    content: row.content,
    ...(meta?.citations ? { citations: meta.citations } : {}),
    ...(meta?.notice ? { notice: meta.notice } : {}),
    ...(meta?.check ? { check: meta.check } : {}),
  };
}

/** The page's view of an interview, from what reconcile has just read: no further I/O. */
export function toView({ interview, state, rows }: Reconciled, eventSeq = 0): InterviewView {
  const turns: Turn[] = rows.map(toTurn);
  const { values } = state;
  const scenario = getScenario(interview.scenarioId);
  // One number per step everywhere: the report's score once there is a report (imports have
  // nothing else), the same computation over the interview so far before it.
  const report = interview.report ?? null;
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
    scenarioId: interview.scenarioId,
    scenarioTitle: scenario.title,
    level: interview.level,
    status: interview.status,
    currentStep: interview.currentStep,
    drillStep: interview.drillStep ?? undefined,
    turns,
    stepStartedAt: values.stepStartedAt ?? interview.createdAt.toISOString(),
    stepBudgetsMs: stepBudgets(
      values.minutes ?? interview.minutes ?? DEFAULT_INTERVIEW_MINUTES,
      interview.drillStep ?? undefined,
    ),
    coverage,
    report,
    ledger: values.ledger ?? [],
    createdAt: interview.createdAt.toISOString(),
    eventSeq,
  };
}
