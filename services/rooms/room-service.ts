import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { listRoomMemberNames, listRoomRounds, listRoomsOfMember } from "@/db/queries/room-rounds";
import {
  closeRoomById,
  createRoomInvite,
  createRoomWithHost,
  getRoomInvite,
  getRoomMember,
  joinRoomUnlessFull,
  listRoomMembers,
  removeRoomMember,
  revokeRoomInvite,
  setRoomHost,
} from "@/db/queries/rooms";
import { ensureUser } from "@/db/queries/users";
import { ROOM_MEMBER_LIMIT, type Room } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Level, ScenarioId } from "@/lib/framework";
import type { RoomListItem, RoomView } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";
import { getRoomEventBus } from "@/services/events/room-event-bus";
import { personIn } from "./member-names";
import { requireHost, requireMember, requireOpen } from "./room-access";
import { finishRoundIfInterviewEnded } from "./round-lifecycle";
import { endRound } from "./round-service";

/** How long an invite link works unless the host revokes it first. */
export const INVITE_DAYS = [1, 7] as const;

export type { RoomView } from "@/lib/rooms/types";

/** The room as `viewerId` sees it: members, rounds newest first, and its latest live event. */
async function toRoomView(database: Database, room: Room, viewerId: string): Promise<RoomView> {
  // A round whose interview ended elsewhere (the candidate's own End interview) is marked first;
  // then the number, then the state: an event published after the number is one the page's
  // stream will deliver, so nothing that changed after the read is missed.
  for (const round of await listRoomRounds({ db: database.db, roomId: room.id })) {
    await finishRoundIfInterviewEnded(database, round);
  }
  const eventSeq = await getRoomEventBus(database).latestSeq(room.id);
  const [members, current, names] = await Promise.all([
    listRoomMembers({ db: database.db, roomId: room.id }),
    listRoomRounds({ db: database.db, roomId: room.id }),
    listRoomMemberNames({ db: database.db, roomId: room.id }),
  ]);
  const person = personIn(names, room.hostUserId);
  return {
    id: room.id,
    title: room.title,
    scenarioId: room.scenarioId,
    level: room.level,
    minutes: room.minutes,
    status: room.status,
    hostUserId: room.hostUserId,
    members: members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      isHost: m.userId === room.hostUserId,
    })),
    rounds: current.map((round) => ({
      id: round.id,
      number: round.number,
      scenarioId: round.scenarioId,
      scenarioTitle: getScenario(round.scenarioId).title,
      status: round.status,
      candidate: person(round.candidateUserId),
      interviewer: round.interviewerUserId ? person(round.interviewerUserId) : null,
      startedAt: round.startedAt.toISOString(),
      endedAt: round.endedAt?.toISOString() ?? null,
    })),
    currentRoundId: current.find((r) => r.status === "running")?.id ?? null,
    eventSeq,
    viewerId,
  };
}

/** Opens a room with its host as the first member. */
export async function createRoom(
  database: Database,
  input: {
    hostUserId: string;
    hostName: string;
    title: string;
    scenarioId: ScenarioId | null;
    level: Level;
    minutes: number;
  },
): Promise<RoomView> {
  await ensureUser({ db: database.db, id: input.hostUserId });
  const room = await createRoomWithHost({
    db: database.db,
    values: {
      title: input.title,
      scenarioId: input.scenarioId,
      level: input.level,
      minutes: input.minutes,
      hostUserId: input.hostUserId,
    },
    hostName: input.hostName,
  });
  return toRoomView(database, room, input.hostUserId);
}

/** The room as a member sees it. */
export async function getRoom(database: Database, roomId: string, userId: string): Promise<RoomView> {
  return toRoomView(database, await requireMember(database, roomId, userId), userId);
}

/** A new invite link (an unguessable 256-bit token) valid for `days`; host only. */
export async function inviteToRoom(
  database: Database,
  input: { roomId: string; userId: string; days: (typeof INVITE_DAYS)[number]; now?: Date },
): Promise<{ token: string; expiresAt: string }> {
  const room = await requireHost(database, input.roomId, input.userId);
  requireOpen(room);
  const now = input.now ?? new Date();
  const invite = await createRoomInvite({
    db: database.db,
    values: {
      token: randomBytes(32).toString("base64url"),
      roomId: room.id,
      createdBy: input.userId,
      expiresAt: new Date(now.getTime() + input.days * 86_400_000),
    },
  });
  return { token: invite.token, expiresAt: invite.expiresAt.toISOString() };
}

/** Ends an invite link; host only. */
export async function revokeInvite(database: Database, input: { roomId: string; userId: string; token: string }) {
  await requireHost(database, input.roomId, input.userId);
  if (!(await revokeRoomInvite({ db: database.db, roomId: input.roomId, token: input.token }))) {
    throw new AppError("not_found:room_invite", "This room has no such link.");
  }
}

/**
 * Joins the room an invite link points at, under a display name. A link that is unknown,
 * expired or revoked reads as missing; a full room (ROOM_MEMBER_LIMIT people) is refused with
 * a sentence, and so is someone the host removed. Joining twice changes nothing.
 */
export async function joinRoom(
  database: Database,
  input: { token: string; userId: string; displayName: string; now?: Date },
): Promise<RoomView> {
  const now = input.now ?? new Date();
  const invite = await getRoomInvite({ db: database.db, token: input.token });
  if (!invite || invite.revokedAt || invite.expiresAt <= now) {
    throw new AppError("not_found:room_invite", "This invite link does not work: it may have expired or been revoked.");
  }
  await ensureUser({ db: database.db, id: input.userId });
  const outcome = await joinRoomUnlessFull({
    db: database.db,
    roomId: invite.roomId,
    userId: input.userId,
    displayName: input.displayName,
    limit: ROOM_MEMBER_LIMIT,
  });
  if (outcome === "full") {
    throw new AppError("conflict:room_full", `This room is full: a room holds at most ${ROOM_MEMBER_LIMIT} people.`);
  }
  if (outcome === "closed") throw new AppError("conflict:room_closed", "This room is closed.");
  if (outcome === "removed" || outcome === "missing") {
    throw new AppError("not_found:room_invite", "This invite link does not work for you.");
  }
  if (outcome === "joined") {
    await getRoomEventBus(database).publish(invite.roomId, "member-joined", { userId: input.userId });
  }
  return getRoom(database, invite.roomId, input.userId);
}

/** Removes a member at once (host only; the host cannot remove themself: hand the room over first). */
export async function removeMember(database: Database, input: { roomId: string; userId: string; memberId: string }) {
  await requireHost(database, input.roomId, input.userId);
  if (input.memberId === input.userId) {
    throw new AppError("bad_request:room_member", "Hand the room to someone else before leaving it.");
  }
  if (!(await removeRoomMember({ db: database.db, roomId: input.roomId, userId: input.memberId }))) {
    throw new AppError("not_found:room_member", "That person is not in this room.");
  }
  // Every server closes the removed member's streams when this event reaches it.
  await getRoomEventBus(database).publish(input.roomId, "member-removed", { userId: input.memberId });
}

/** Makes another current member the host. */
export async function handOverHost(
  database: Database,
  input: { roomId: string; userId: string; newHostId: string },
): Promise<RoomView> {
  await requireHost(database, input.roomId, input.userId);
  const member = await getRoomMember({ db: database.db, roomId: input.roomId, userId: input.newHostId });
  if (!member || member.removedAt) throw new AppError("not_found:room_member", "That person is not in this room.");
  await setRoomHost({ db: database.db, roomId: input.roomId, userId: input.newHostId });
  await getRoomEventBus(database).publish(input.roomId, "host-changed", { userId: input.newHostId });
  return getRoom(database, input.roomId, input.userId);
}

/** Closes the room for good: no one joins, its links stop working, a running round ends. Host only. */
export async function closeRoom(database: Database, input: { roomId: string; userId: string }): Promise<RoomView> {
  await requireHost(database, input.roomId, input.userId);
  // A round still running ends (and is scored) with the room, rather than dangling in a closed one.
  const running = (await listRoomRounds({ db: database.db, roomId: input.roomId })).find((r) => r.status === "running");
  if (running) await endRound(database, { roomId: input.roomId, roundId: running.id, userId: input.userId });
  await closeRoomById({ db: database.db, roomId: input.roomId });
  await getRoomEventBus(database).publish(input.roomId, "room-closed");
  return getRoom(database, input.roomId, input.userId);
}

/** The rooms `userId` is in, newest first. */
export async function listRooms(database: Database, userId: string): Promise<RoomListItem[]> {
  const rows = await listRoomsOfMember({ db: database.db, userId });
  return rows.map(({ room, memberCount }) => ({
    id: room.id,
    title: room.title,
    status: room.status,
    memberCount,
    isHost: room.hostUserId === userId,
    createdAt: room.createdAt.toISOString(),
  }));
}
