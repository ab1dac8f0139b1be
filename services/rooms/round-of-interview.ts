import type { Database } from "@/db/client";
import { getRoundOfInterview } from "@/db/queries/room-rounds";
import { getRoomById } from "@/db/queries/rooms";

export interface RoundLink {
  roomId: string;
  roundId: string;
  number: number;
  roomTitle: string;
  running: boolean;
}

/** Where an interview sits in a study room, if it is a round: the interview page links to it. */
export async function findRoundOfInterview(database: Database, interviewId: string): Promise<RoundLink | null> {
  const round = await getRoundOfInterview({ db: database.db, interviewId });
  if (!round) return null;
  const room = await getRoomById({ db: database.db, id: round.roomId });
  if (!room) return null;
  return {
    roomId: room.id,
    roundId: round.id,
    number: round.number,
    roomTitle: room.title,
    running: round.status === "running",
  };
}
