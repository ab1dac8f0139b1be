import { z } from "zod";
import type { StepId } from "@/lib/framework";
import { ROOM_EVENT_KINDS } from "@/lib/rooms/types";
import type { CheckCard, InterviewView, Turn } from "@/lib/types";

/**
 * Every event any Probe stream sends, one union: the reply to a message (NDJSON), a pipeline
 * run (NDJSON) and an interview's live events (server-sent events). Servers write them with
 * `lib/http/stream-response.ts`; browsers and scripts read them with `lib/streams/read-stream.ts`,
 * which validates each against this schema.
 */
const objectOf = <T>() => z.custom<T>((value) => typeof value === "object" && value !== null);

export const streamEventSchema = z.discriminatedUnion("type", [
  /** Words of the interviewer's reply as they are produced. */
  z.object({ type: z.literal("token"), token: z.string() }),
  /** The words streamed so far are abandoned (a model reply replaced by the offline one). */
  z.object({ type: z.literal("reset") }),
  /** How long work is getting on: a sentence, and for pipelines the share done (0..1). */
  z.object({ type: z.literal("progress"), message: z.string(), fraction: z.number().optional() }),
  /** The whole interview after a turn: the reply to a message ends with it. */
  z.object({ type: z.literal("view"), view: objectOf<InterviewView>() }),
  /** A stored message (the candidate's or the interviewer's), as stored. */
  z.object({ type: z.literal("message"), turn: objectOf<Turn>() }),
  /** The interview moved to another step. */
  z.object({ type: z.literal("step"), step: z.string() as z.ZodType<StepId> }),
  /** A pipeline check's card finished (or failed). */
  z.object({ type: z.literal("check"), turnId: z.string(), card: objectOf<CheckCard>() }),
  /** How a pending check is getting on. */
  z.object({ type: z.literal("check-progress"), turnId: z.string(), message: z.string() }),
  /** The interview ended and its report is stored; read it with the interview. */
  z.object({ type: z.literal("report") }),
  /** Something changed in a study room (lib/rooms/types.ts ROOM_EVENT_KINDS); the page reads the room again. */
  z.object({
    type: z.literal("room"),
    kind: z.enum(ROOM_EVENT_KINDS),
    userId: z.string().optional(),
    roundId: z.string().optional(),
  }),
  /** A pipeline run's result and its summary. */
  z.object({ type: z.literal("result"), result: z.unknown(), summary: z.unknown() }),
  /** The stream failed: the same body as an HTTP error, with its status. */
  z.object({
    type: z.literal("error"),
    status: z.number(),
    error: z.object({ code: z.string(), message: z.string() }),
    cancelled: z.boolean().optional(),
  }),
]);

export type StreamEvent = z.infer<typeof streamEventSchema>;
export type StreamEventType = StreamEvent["type"];
export type StreamEventOf<T extends StreamEventType> = Extract<StreamEvent, { type: T }>;

/** What the interviewer graph's nodes emit while they run (see emit-graph-event.ts). */
export type GraphEvent = StreamEventOf<"token" | "reset" | "progress">;
