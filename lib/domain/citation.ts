import { z } from "zod";

/** A case-study passage an interviewer turn or a step's feedback draws on. */
export const citationSchema = z.object({
  chunkId: z.string(),
  scenarioId: z.string().nullable(),
  step: z.string(),
  title: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;
