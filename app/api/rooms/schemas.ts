import { z } from "zod";
import { DEFAULT_LEVEL } from "@/lib/framework";
import { levelSchema, scenarioIdSchema, stepIdSchema } from "@/lib/scenarios/schema";
import { INVITE_DAYS } from "@/services/rooms/room-service";
import { candidateMessageBody } from "../interviews/schemas";

/** A display name: what others in the room see. NUL and other control characters are refused. */
const displayName = z
  .string()
  .trim()
  .min(1, "a display name cannot be empty")
  .max(40, "a display name can be at most 40 characters")
  .regex(/^[^\p{Cc}]*$/u, "a display name cannot hold control characters");

export const createRoomBody = z.object({
  title: z
    .string()
    .trim()
    .min(1, "a room needs a title")
    .max(80, "a title can be at most 80 characters")
    .regex(/^[^\p{Cc}]*$/u, "a title cannot hold control characters"),
  /** null: the host chooses a scenario for each round. */
  scenarioId: scenarioIdSchema.nullable().default(null),
  level: levelSchema.default(DEFAULT_LEVEL),
  minutes: z
    .number()
    .int()
    .min(10, "a round lasts at least 10 minutes")
    .max(120, "a round lasts at most 120 minutes")
    .default(45),
  displayName,
});

export const joinRoomBody = z.object({
  token: z.string().min(1, "the invite token is missing").max(200, "not an invite token"),
  displayName,
});

export const inviteBody = z.object({
  days: z
    .union(
      INVITE_DAYS.map((d) => z.literal(d)),
      { message: "must be 1 or 7" },
    )
    .default(7),
});

export const roomIdParam = z.uuid({ message: "not a room id" });
export const userIdParam = z.uuid({ message: "not a member id" });
export const hostBody = z.object({ userId: userIdParam });

export const roundIdParam = z.uuid({ message: "not a round id" });

/** Words people write in a room (comments, notes): control characters other than line breaks are refused. */
const remark = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .max(max, `${what} can be at most ${max.toLocaleString("en")} characters`)
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, `${what} cannot hold control characters`);

export const startRoundBody = z.object({
  candidateId: userIdParam,
  /** null: the AI interviews. */
  interviewerId: userIdParam.nullable(),
  /** Required when the room chooses a scenario per round. */
  scenarioId: scenarioIdSchema.optional(),
});

export const roundMessageBody = candidateMessageBody;

export const roundStepBody = z.object({ step: stepIdSchema });

export const roundScoresBody = z.object({
  step: stepIdSchema,
  items: z
    .array(
      z.object({
        rubricId: z.string().min(1).max(100),
        ticked: z.boolean(),
        quote: z
          .string()
          .trim()
          .min(1, "a quote cannot be empty")
          .max(2000, "a quote can be at most 2,000 characters")
          .nullable(),
        quoteMessageId: z.string().min(1).max(200).nullable(),
      }),
    )
    .max(50, "a step has at most 50 rubric items"),
});

export const roundCommentBody = z.object({
  messageId: z.string().min(1).max(200),
  body: remark("a comment", 2000),
});

export const roundNoteBody = z.object({
  messageId: z.string().min(1).max(200).nullable(),
  body: remark("a note", 4000),
});
