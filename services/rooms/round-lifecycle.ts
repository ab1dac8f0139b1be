import type { Database } from "@/db/client";
import { getInterviewById } from "@/db/queries/interviews";
import { endRoomRound } from "@/db/queries/room-rounds";
import type { RoomRound } from "@/db/schema";
import { getRoomEventBus } from "@/services/events/room-event-bus";

/**
 * A round ends when its interview does (the candidate ended an AI interview, or the round was
 * ended from the room). Whichever server sees it first marks it and tells the room; the others
 * find it already ended.
 */
export async function finishRoundIfInterviewEnded(database: Database, round: RoomRound): Promise<RoomRound> {
  if (round.status === "ended") return round;
  const interview = await getInterviewById({ db: database.db, id: round.interviewId });
  if (interview?.status !== "completed") return round;
  const at = new Date();
  if (await endRoomRound({ db: database.db, roundId: round.id, at })) {
    await getRoomEventBus(database).publish(round.roomId, "round-ended", { roundId: round.id });
  }
  return { ...round, status: "ended", endedAt: round.endedAt ?? at };
}
