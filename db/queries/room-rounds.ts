import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type RoomRound, roomMembers, roomRounds, rooms } from "../schema";

/**
 * Adds a running round numbered after the room's last one. Resolves to null when another round
 * of the room is still running: the partial unique index decides, so two hosts' clicks on two
 * servers cannot start two rounds.
 */
export function createRoomRound({
  db,
  values,
}: {
  db: Db;
  values: Pick<RoomRound, "roomId" | "scenarioId" | "interviewId" | "candidateUserId" | "interviewerUserId">;
}): Promise<RoomRound | null> {
  return withDbError("db:create_room_round", async () => {
    const result = await db.execute<{ id: string }>(sql`
      INSERT INTO room_rounds (room_id, number, scenario_id, interview_id, candidate_user_id, interviewer_user_id)
      SELECT ${values.roomId}::uuid, coalesce(max(number), 0) + 1, ${values.scenarioId}, ${values.interviewId}::uuid,
             ${values.candidateUserId}::uuid, ${values.interviewerUserId}::uuid
      FROM room_rounds WHERE room_id = ${values.roomId}::uuid
      ON CONFLICT DO NOTHING
      RETURNING id`);
    const id = result.rows[0]?.id;
    if (!id) return null;
    const [row] = await db.select().from(roomRounds).where(eq(roomRounds.id, id));
    return row ?? null;
  });
}

export function getRoomRound({
  db,
  roomId,
  roundId,
}: {
  db: Db;
  roomId: string;
  roundId: string;
}): Promise<RoomRound | undefined> {
  return withDbError("db:get_room_round", async () => {
    const [row] = await db
      .select()
      .from(roomRounds)
      .where(and(eq(roomRounds.id, roundId), eq(roomRounds.roomId, roomId)));
    return row;
  });
}

/** The round an interview is, if it is one. */
export function getRoundOfInterview({ db, interviewId }: { db: Db; interviewId: string }) {
  return withDbError("db:get_round_of_interview", async () => {
    const [row] = await db.select().from(roomRounds).where(eq(roomRounds.interviewId, interviewId));
    return row;
  });
}

/** The room's rounds, newest first. */
export function listRoomRounds({ db, roomId }: { db: Db; roomId: string }): Promise<RoomRound[]> {
  return withDbError("db:list_room_rounds", () =>
    db.select().from(roomRounds).where(eq(roomRounds.roomId, roomId)).orderBy(desc(roomRounds.number)),
  );
}

/** Marks a running round ended; false if it had already ended (another server got there first). */
export function endRoomRound({ db, roundId, at }: { db: Db; roundId: string; at?: Date }): Promise<boolean> {
  return withDbError("db:end_room_round", async () => {
    const rows = await db
      .update(roomRounds)
      .set({ status: "ended", endedAt: at ?? new Date() })
      .where(and(eq(roomRounds.id, roundId), eq(roomRounds.status, "running")))
      .returning({ id: roomRounds.id });
    return rows.length > 0;
  });
}

/** The rooms a user is a current member of, newest first, with how many people each has. */
export function listRoomsOfMember({ db, userId }: { db: Db; userId: string }) {
  return withDbError("db:list_rooms_of_member", async () => {
    const mine = await db
      .select({ room: rooms })
      .from(roomMembers)
      .innerJoin(rooms, eq(rooms.id, roomMembers.roomId))
      .where(and(eq(roomMembers.userId, userId), sql`${roomMembers.removedAt} IS NULL`))
      .orderBy(desc(rooms.createdAt));
    const counts = await Promise.all(
      mine.map(async ({ room }) => {
        const [row] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(roomMembers)
          .where(and(eq(roomMembers.roomId, room.id), sql`${roomMembers.removedAt} IS NULL`));
        return row?.n ?? 0;
      }),
    );
    return mine.map(({ room }, i) => ({ room, memberCount: counts[i] ?? 0 }));
  });
}

/** Every display name ever used in the room, removed members included, for rounds they sat in. */
export function listRoomMemberNames({ db, roomId }: { db: Db; roomId: string }): Promise<Map<string, string>> {
  return withDbError("db:list_room_member_names", async () => {
    const rows = await db
      .select({ userId: roomMembers.userId, displayName: roomMembers.displayName })
      .from(roomMembers)
      .where(eq(roomMembers.roomId, roomId));
    return new Map(rows.map((r) => [r.userId, r.displayName]));
  });
}
