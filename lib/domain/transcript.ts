import { z } from "zod";
import { DEFAULT_LEVEL, levelSchema, scenarioIdSchema, stepIdSchema } from "./framework";

/** The transcript interchange format (docs/transcript-format.md); extra fields are allowed and ignored. */
export const transcriptSchema = z.object({
  scenarioId: scenarioIdSchema,
  level: levelSchema.default(DEFAULT_LEVEL),
  turns: z
    .array(
      z.object({
        role: z.enum(["interviewer", "candidate"]),
        step: stepIdSchema.optional(),
        content: z.string().max(20_000, "a turn can be at most 20,000 characters"),
      }),
    )
    .min(1, "a transcript needs at least one turn")
    .max(2000, "a transcript can have at most 2,000 turns"),
});
export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptInput = z.input<typeof transcriptSchema>;
