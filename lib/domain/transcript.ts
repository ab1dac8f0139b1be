import { z } from "zod";
import { DEFAULT_LEVEL, levelSchema, scenarioIdSchema, stepIdSchema } from "./framework";

/** The longest diagram a transcript can carry, in characters of Mermaid (the diagram checks' own limit). */
export const MAX_MERMAID_CHARS = 200_000;

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
  /** The candidate's design diagram as a Mermaid flowchart; its labels can earn rubric credit. */
  diagram: z
    .string()
    .max(MAX_MERMAID_CHARS, `a diagram can be at most ${MAX_MERMAID_CHARS.toLocaleString("en-US")} characters`)
    .optional(),
});
export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptInput = z.input<typeof transcriptSchema>;
