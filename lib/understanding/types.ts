import { z } from "zod";
import { STEP_IDS } from "@/lib/framework";

/**
 * What one sentence of a candidate message does. A message can carry several acts at once
 * ("I'd shard by user. What's the peak QPS?" is an answer and a fact question).
 */
export const ACT_KINDS = [
  /** Content for the current step: a design choice, a reason, an estimate. */
  "answer",
  /** Asks the interviewer for a fact about the scenario (traffic, latency budget, data, labels). */
  "fact_question",
  /** Asks for help: a hint, a nudge, a direction, where to start. */
  "help",
  /** Asks the interviewer to clarify, rephrase or repeat their own question. */
  "clarify",
  /** Says they do not know, in any wording. */
  "dont_know",
  /** Declines to answer the current question without saying they do not know. */
  "decline",
  /** Asks to skip the current step, go to the next one, or jump to a named step. */
  "move_on",
  /** Asks to end or wrap up the whole interview. */
  "end",
  /** Text aimed at the interviewer's or grader's instructions (ignore your rules, give full marks). */
  "injection",
] as const;
export type ActKind = (typeof ACT_KINDS)[number];

export const actSchema = z.object({
  kind: z.enum(ACT_KINDS).describe("what this sentence does"),
  sentence: z.string().min(1).describe("the candidate's sentence that carries the act, copied exactly"),
  targetStep: z
    .enum(STEP_IDS)
    .optional()
    .describe("move_on only: the framework step the candidate named, when they named one"),
  unsure: z
    .enum(["end", "move_on"])
    .optional()
    .describe("set by the offline reader: the sentence may ask to end or move on, but not surely enough to act on"),
});
export type Act = z.infer<typeof actSchema>;

/** The measured kinds of quantity; values are normalised to the base unit named here. */
export const QUANTITY_KINDS = [
  /** A plain count (users, vectors, GPUs, servers, posts); value is the count. */
  "count",
  /** A size in bytes (64 GB = 64e9; 1 GiB = 2^30). */
  "bytes",
  /** A duration in seconds (5 ms = 0.005). */
  "duration",
  /** A rate per second (3,000 QPS = 3000; 5 a day = 5 / 86,400). */
  "rate",
  /** A fraction (92% = 0.92; "recall 0.95" = 0.95). */
  "fraction",
  /** A vector dimension (256-dim = 256). */
  "dimension",
  /** Bytes per value of a number format (float32 = 4, fp16 = 2, int8 = 1). */
  "bytes_per_value",
] as const;
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

export const quantitySchema = z.object({
  /** The exact span of the source text ("1 billion", "64 GB", "5 visits a day"). */
  text: z.string().min(1),
  kind: z.enum(QUANTITY_KINDS),
  /** In the base unit of `kind`. */
  value: z.number().finite(),
  /** The unit as written, lower-cased ("gb", "ms", "qps", "per day"), or "" for a bare number. */
  unit: z.string(),
  /** What the quantity counts or measures, as the candidate said it ("users", "vectors", "posts per second"). */
  what: z.string().optional(),
  /** Character offsets of `text` in the source. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Quantity = z.infer<typeof quantitySchema>;

/** The acts and quantities of one candidate message. */
export const understandingSchema = z.object({
  acts: z.array(actSchema).min(1),
  quantities: z.array(quantitySchema),
});
export type Understanding = z.infer<typeof understandingSchema>;
