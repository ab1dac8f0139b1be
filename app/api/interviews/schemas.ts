import { z } from "zod";
import { DEFAULT_LEVEL } from "@/lib/framework";
import { levelSchema, scenarioIdSchema, stepIdSchema } from "@/lib/scenarios/schema";

export const MAX_MESSAGE_LENGTH = 8000;

export const startInterviewBody = z.object({
  scenarioId: scenarioIdSchema,
  level: levelSchema.default(DEFAULT_LEVEL),
  /** Interview length; the interviewer splits it across the seven steps. */
  /** Practise one step only. */
  drillStep: stepIdSchema.optional(),
  minutes: z
    .number()
    .int()
    .min(10, "an interview lasts at least 10 minutes")
    .max(120, "an interview lasts at most 120 minutes")
    .default(45),
});

export const candidateMessageBody = z.object({
  /** Chosen by the client so that a retried send is stored once. */
  id: z.uuid(),
  content: z
    .string()
    .trim()
    .min(1, "a message cannot be empty")
    .max(MAX_MESSAGE_LENGTH, `a message can be at most ${MAX_MESSAGE_LENGTH} characters`),
});

export const interviewIdParam = z.uuid({ message: "not an interview id" });
