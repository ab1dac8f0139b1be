import type { Database } from "@/db/client";
import { getRoomById, getRoomMember } from "@/db/queries/rooms";
import type { Room } from "@/db/schema";
import { AppError } from "@/lib/errors";

const NOT_FOUND = "This room does not exist, or you are not in it.";

/**
 * The room if `userId` is a current member. Anyone else, a removed member included, gets the
 * same answer as for a room that does not exist, so room ids reveal nothing. Every room route
 * and stream calls this on every request.
 */
export async function requireMember(database: Database, roomId: string, userId: string): Promise<Room> {
  const [room, member] = await Promise.all([
    getRoomById({ db: database.db, id: roomId }),
    getRoomMember({ db: database.db, roomId, userId }),
  ]);
  if (!room || !member || member.removedAt) throw new AppError("not_found:room", NOT_FOUND);
  return room;
}

/** Whether `userId` is a current member (for streams that re-check without throwing). */
export async function isMember(database: Database, roomId: string, userId: string): Promise<boolean> {
  const member = await getRoomMember({ db: database.db, roomId, userId });
  return member !== undefined && member.removedAt === null;
}

export async function requireHost(database: Database, roomId: string, userId: string): Promise<Room> {
  const room = await requireMember(database, roomId, userId);
  if (room.hostUserId !== userId) throw new AppError("forbidden:room_host", "Only the room's host can do that.");
  return room;
}

export function requireOpen(room: Room): void {
  if (room.status !== "open") throw new AppError("conflict:room_closed", "This room is closed.");
}
