import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type Room, type RoomInvite, type RoomMember, roomInvites, roomMembers, rooms } from "../schema";

/** Creates a room and makes its host the first member, in one transaction. */
export function createRoomWithHost({
  db,
  values,
  hostName,
}: {
  db: Db;
  values: Pick<Room, "title" | "scenarioId" | "level" | "minutes" | "hostUserId">;
  hostName: string;
}): Promise<Room> {
  return withDbError("db:create_room", () =>
    db.transaction(async (tx) => {
      const [room] = await tx.insert(rooms).values(values).returning();
      if (!room) throw new Error("insert returned no row");
      await tx.insert(roomMembers).values({ roomId: room.id, userId: values.hostUserId, displayName: hostName });
      return room;
    }),
  );
}

export function getRoomById({ db, id }: { db: Db; id: string }): Promise<Room | undefined> {
  return withDbError("db:get_room", async () => {
    const [row] = await db.select().from(rooms).where(eq(rooms.id, id));
    return row;
  });
}

/** The member's row, removed or not; undefined if they never joined. */
export function getRoomMember({
  db,
  roomId,
  userId,
}: {
  db: Db;
  roomId: string;
  userId: string;
}): Promise<RoomMember | undefined> {
  return withDbError("db:get_room_member", async () => {
    const [row] = await db
      .select()
      .from(roomMembers)
      .where(and(eq(roomMembers.roomId, roomId), eq(roomMembers.userId, userId)));
    return row;
  });
}

/** The room's current members, in the order they joined. */
export function listRoomMembers({ db, roomId }: { db: Db; roomId: string }): Promise<RoomMember[]> {
  return withDbError("db:list_room_members", () =>
    db
      .select()
      .from(roomMembers)
      .where(and(eq(roomMembers.roomId, roomId), isNull(roomMembers.removedAt)))
      .orderBy(asc(roomMembers.joinedAt)),
  );
}

export type JoinOutcome = "joined" | "already-member" | "full" | "removed" | "closed" | "missing";

/**
 * Adds a member unless the room is closed, full, or removed them before. The room's row is
 * locked for the check and the insert, so two people taking the last seat at once cannot both get it.
 */
export function joinRoomUnlessFull({
  db,
  roomId,
  userId,
  displayName,
  limit,
}: {
  db: Db;
  roomId: string;
  userId: string;
  displayName: string;
  limit: number;
}): Promise<JoinOutcome> {
  return withDbError("db:join_room", () =>
    db.transaction(async (tx) => {
      const locked = await tx.execute<{ status: string }>(
        sql`SELECT status FROM rooms WHERE id = ${roomId}::uuid FOR UPDATE`,
      );
      const status = locked.rows[0]?.status;
      if (!status) return "missing";
      if (status !== "open") return "closed";
      const [existing] = await tx
        .select()
        .from(roomMembers)
        .where(and(eq(roomMembers.roomId, roomId), eq(roomMembers.userId, userId)));
      if (existing) return existing.removedAt ? "removed" : "already-member";
      const [members] = await tx
        .select({ n: count() })
        .from(roomMembers)
        .where(and(eq(roomMembers.roomId, roomId), isNull(roomMembers.removedAt)));
      if ((members?.n ?? 0) >= limit) return "full";
      await tx.insert(roomMembers).values({ roomId, userId, displayName });
      return "joined";
    }),
  );
}

/** Ends a member's access; resolves false if they were not a current member. */
export function removeRoomMember({ db, roomId, userId }: { db: Db; roomId: string; userId: string }) {
  return withDbError("db:remove_room_member", async () => {
    const updated = await db
      .update(roomMembers)
      .set({ removedAt: sql`now()` })
      .where(and(eq(roomMembers.roomId, roomId), eq(roomMembers.userId, userId), isNull(roomMembers.removedAt)))
      .returning({ userId: roomMembers.userId });
    return updated.length > 0;
  });
}

export function setRoomHost({ db, roomId, userId }: { db: Db; roomId: string; userId: string }): Promise<void> {
  return withDbError("db:set_room_host", async () => {
    await db.update(rooms).set({ hostUserId: userId }).where(eq(rooms.id, roomId));
  });
}

export function closeRoomById({ db, roomId }: { db: Db; roomId: string }): Promise<void> {
  return withDbError("db:close_room", async () => {
    await db
      .update(rooms)
      .set({ status: "closed", closedAt: sql`now()` })
      .where(and(eq(rooms.id, roomId), eq(rooms.status, "open")));
  });
}

export function createRoomInvite({
  db,
  values,
}: {
  db: Db;
  values: Pick<RoomInvite, "token" | "roomId" | "createdBy" | "expiresAt">;
}): Promise<RoomInvite> {
  return withDbError("db:create_room_invite", async () => {
    const [row] = await db.insert(roomInvites).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

export function getRoomInvite({ db, token }: { db: Db; token: string }): Promise<RoomInvite | undefined> {
  return withDbError("db:get_room_invite", async () => {
    const [row] = await db.select().from(roomInvites).where(eq(roomInvites.token, token));
    return row;
  });
}

/** Revokes one of the room's links; resolves false if it was not there or already revoked. */
export function revokeRoomInvite({ db, roomId, token }: { db: Db; roomId: string; token: string }) {
  return withDbError("db:revoke_room_invite", async () => {
    const updated = await db
      .update(roomInvites)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(roomInvites.token, token), eq(roomInvites.roomId, roomId), isNull(roomInvites.revokedAt)))
      .returning({ token: roomInvites.token });
    return updated.length > 0;
  });
}
