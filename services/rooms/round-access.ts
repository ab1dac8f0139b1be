import type { Database } from "@/db/client";
import { getRoomRound } from "@/db/queries/room-rounds";
import { getRoomById } from "@/db/queries/rooms";
import type { Room, RoomRound } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { RoundSeat } from "@/lib/rooms/types";
import { isMember, requireMember } from "./room-access";

export interface RoundAccess {
  room: Room;
  round: RoomRound;
  seat: RoundSeat;
}

const NOT_FOUND = "This round does not exist, or you are not in its room.";

export function seatOf(round: RoomRound, userId: string): RoundSeat {
  if (round.candidateUserId === userId) return "candidate";
  if (round.interviewerUserId === userId) return "interviewer";
  return "observer";
}

/**
 * The round and the viewer's seat, for a current member of its room. The candidate may also read
 * their own ended round after leaving the room: it is their interview, kept in their history.
 */
export async function requireRoundReader(
  database: Database,
  input: { roomId: string; roundId: string; userId: string },
): Promise<RoundAccess> {
  const round = await getRoomRound({ db: database.db, roomId: input.roomId, roundId: input.roundId });
  if (!round) {
    await requireMember(database, input.roomId, input.userId);
    throw new AppError("not_found:round", NOT_FOUND);
  }
  const candidateAfterwards = round.candidateUserId === input.userId && round.status === "ended";
  if (candidateAfterwards && !(await isMember(database, input.roomId, input.userId))) {
    const room = await getRoomById({ db: database.db, id: input.roomId });
    if (!room) throw new AppError("not_found:round", NOT_FOUND);
    return { room, round, seat: "candidate" };
  }
  const room = await requireMember(database, input.roomId, input.userId);
  return { room, round, seat: seatOf(round, input.userId) };
}

/** As requireRoundReader, for writing: only current members, only while the round runs. */
export async function requireRunningRound(
  database: Database,
  input: { roomId: string; roundId: string; userId: string },
): Promise<RoundAccess> {
  const room = await requireMember(database, input.roomId, input.userId);
  const round = await getRoomRound({ db: database.db, roomId: input.roomId, roundId: input.roundId });
  if (!round) throw new AppError("not_found:round", NOT_FOUND);
  if (round.status !== "running") throw new AppError("conflict:round_ended", "This round has ended.");
  return { room, round, seat: seatOf(round, input.userId) };
}
