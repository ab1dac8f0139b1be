import type { Database } from "@/db/client";
import { getMessageById } from "@/db/queries/messages";
import { listRoomMemberNames } from "@/db/queries/room-rounds";
import { addRoundRemark, listRoundScores, replaceStepScores } from "@/db/queries/round-remarks";
import type { RoomRound } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { StepId } from "@/lib/framework";
import type { PeerScoreItem, RoundComment } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";
import { requireMember } from "./room-access";
import { requireRoundReader } from "./round-access";
import { toComment, toScoreItem } from "./round-view";

interface RoundRef {
  roomId: string;
  roundId: string;
  userId: string;
}

/** A message of this round's interview, or a 400 naming what was wrong. */
async function requireRoundMessage(database: Database, round: RoomRound, messageId: string, role?: "candidate") {
  const message = await getMessageById({ db: database.db, id: messageId, interviewId: round.interviewId });
  if (!message) throw new AppError("bad_request:round_message", "That message is not part of this round.");
  if (role && message.role !== role) {
    throw new AppError("bad_request:round_quote", "A quote must come from one of the candidate's messages.");
  }
  return message;
}

/**
 * Saves one scorer's ticks for one step, replacing their earlier ones for it. Observers and a
 * member interviewer score; the candidate does not score themself. A quote must be words the
 * candidate actually wrote in the message it names. Scores can still be finished after the
 * round ends, by those who were in the room.
 */
export async function saveRoundScores(
  database: Database,
  input: RoundRef & {
    step: StepId;
    items: Array<{ rubricId: string; ticked: boolean; quote: string | null; quoteMessageId: string | null }>;
  },
): Promise<PeerScoreItem[]> {
  await requireMember(database, input.roomId, input.userId);
  const { round, seat } = await requireRoundReader(database, input);
  if (seat === "candidate") throw new AppError("forbidden:round_seat", "The candidate does not score their own round.");
  const rubric = new Set(getScenario(round.scenarioId).steps[input.step].rubric.map((item) => item.id));
  for (const item of input.items) {
    if (!rubric.has(item.rubricId)) {
      throw new AppError("bad_request:round_score", `"${item.rubricId}" is not a rubric item of this step.`);
    }
    if ((item.quote === null) !== (item.quoteMessageId === null)) {
      throw new AppError(
        "bad_request:round_quote",
        "A quote needs the message it comes from, and only a quote has one.",
      );
    }
    if (item.quote !== null && item.quoteMessageId !== null) {
      const message = await requireRoundMessage(database, round, item.quoteMessageId, "candidate");
      if (!message.content.includes(item.quote)) {
        throw new AppError("bad_request:round_quote", "A quote must be the candidate's own words, exactly as written.");
      }
    }
  }
  await replaceStepScores({
    db: database.db,
    roundId: round.id,
    scorerUserId: input.userId,
    step: input.step,
    items: input.items,
  });
  return (await listRoundScores({ db: database.db, roundId: round.id, scorerUserId: input.userId })).map(toScoreItem);
}

/** A comment on one message of the round; the room reads it once the round has ended. */
export async function addRoundComment(
  database: Database,
  input: RoundRef & { messageId: string; body: string },
): Promise<RoundComment> {
  await requireMember(database, input.roomId, input.userId);
  const { round } = await requireRoundReader(database, input);
  await requireRoundMessage(database, round, input.messageId);
  const row = await addRoundRemark({
    db: database.db,
    values: {
      roundId: round.id,
      authorUserId: input.userId,
      kind: "comment",
      messageId: input.messageId,
      body: input.body,
    },
  });
  return toComment(row, await listRoomMemberNames({ db: database.db, roomId: input.roomId }));
}
