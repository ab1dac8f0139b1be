import { z } from "zod";
import { citationSchema } from "./citation";
import { levelSchema, scenarioIdSchema, stepIdSchema } from "./framework";

export const LEVEL_SIGNALS = ["below-mid", "mid", "senior", "staff"] as const;
export type LevelSignal = (typeof LEVEL_SIGNALS)[number];

export const stepReportSchema = z.object({
  step: stepIdSchema,
  score: z.number().int().min(0).max(100),
  /** credit is 1 for a claim (a number or a reason) and less for a plain mention. */
  covered: z.array(
    z.object({
      rubricId: z.string(),
      quote: z.string(),
      turn: z.number().int(),
      credit: z.number(),
      /** Why the credit is partial when a near-miss term earned it. */
      note: z.string().optional(),
      /** Set when a label of the candidate's diagram earned it: the quote is "diagram: <label>" and turn is -1. */
      source: z.literal("diagram").optional(),
    }),
  ),
  missing: z.array(z.string()),
  /** Items the candidate mentioned but lost to a common mistake, with the mistake. */
  lost: z.array(z.object({ rubricId: z.string(), mistake: z.string(), quote: z.string() })),
  /** Mistakes the candidate corrected later, which therefore cost nothing. */
  recovered: z.array(z.object({ rubricId: z.string(), mistake: z.string(), afterPushback: z.boolean() })).default([]),
  feedback: z.string(),
  nextToLearn: z.string().nullable(),
  citations: z.array(citationSchema),
});

/** The score report of docs/cli-contracts.md, plus the step assignment and per-item detail. */
export const scoreReportSchema = z.object({
  scenarioId: scenarioIdSchema,
  level: levelSchema,
  overall: z.number().int().min(0).max(100),
  /** All seven steps in order; a drill's report has its one step. */
  steps: z.array(stepReportSchema).min(1).max(7),
  /** Set when the report scores a drill: only this step counts. */
  drillStep: stepIdSchema.optional(),
  levelSignal: z.enum(LEVEL_SIGNALS),
  /** Which step each turn was scored under, and whether the transcript said so or the scorer decided. */
  stepAssignment: z.array(
    z.object({ turn: z.number().int(), step: stepIdSchema, source: z.enum(["given", "assigned"]) }),
  ),
  notes: z.array(z.string()),
});
export type ScoreReport = z.infer<typeof scoreReportSchema>;
export type StepReport = z.infer<typeof stepReportSchema>;
