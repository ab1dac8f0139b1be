import { z } from "zod";
import { levelSchema, scenarioIdSchema } from "@/lib/scenarios/schema";

export const MAX_MESSAGE_LENGTH = 8000;

export const startInterviewBody = z.object({
  scenarioId: scenarioIdSchema,
  level: levelSchema.default("senior"),
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
