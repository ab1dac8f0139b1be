import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { ROOM_MEMBER_LIMIT } from "@/db/schema";
import { openTestDatabase } from "@/db/testing/test-database";
import { AppError } from "@/lib/errors";
import {
  closeRoom,
  createRoom,
  getRoom,
  handOverHost,
  inviteToRoom,
  joinRoom,
  removeMember,
  revokeInvite,
} from "./room-service";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function newRoom() {
  const host = randomUUID();
  const room = await createRoom(database, {
    hostUserId: host,
    hostName: "Ada",
    title: "Thursday ML design club",
    scenarioId: "video-recommendation",
    level: "senior",
    minutes: 45,
  });
  const { token } = await inviteToRoom(database, { roomId: room.id, userId: host, days: 7 });
  return { host, room, token };
}

/** The AppError code a call fails with. */
async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("study rooms", () => {
  it("lets people join through the host's link, once each, under their display names", async () => {
    const { host, room, token } = await newRoom();
    expect(room.members).toEqual([{ userId: host, displayName: "Ada", isHost: true }]);
    const grace = randomUUID();
    await joinRoom(database, { token, userId: grace, displayName: "Grace" });
    const again = await joinRoom(database, { token, userId: grace, displayName: "Grace H." });
    expect(again.members.map((m) => m.displayName)).toEqual(["Ada", "Grace"]);
    expect((await getRoom(database, room.id, grace)).title).toBe("Thursday ML design club");
  });

  it("shows a room only to its members, and answers strangers as if it did not exist", async () => {
    const { room } = await newRoom();
    expect(await codeOf(getRoom(database, room.id, randomUUID()))).toBe("not_found:room");
    expect(await codeOf(getRoom(database, randomUUID(), randomUUID()))).toBe("not_found:room");
  });

  it("refuses expired, revoked and unknown links", async () => {
    const { host, room, token } = await newRoom();
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await codeOf(joinRoom(database, { token, userId: randomUUID(), displayName: "Late", now: later }))).toBe(
      "not_found:room_invite",
    );
    await revokeInvite(database, { roomId: room.id, userId: host, token });
    expect(await codeOf(joinRoom(database, { token, userId: randomUUID(), displayName: "X" }))).toBe(
      "not_found:room_invite",
    );
    expect(await codeOf(joinRoom(database, { token: "made-up", userId: randomUUID(), displayName: "X" }))).toBe(
      "not_found:room_invite",
    );
  });

  it(`holds at most ${ROOM_MEMBER_LIMIT} people, even when the last seats are taken at once`, async () => {
    const { room, token } = await newRoom();
    for (let i = 1; i < ROOM_MEMBER_LIMIT - 2; i++) {
      await joinRoom(database, { token, userId: randomUUID(), displayName: `Member ${i}` });
    }
    // Two seats left, five people at once: two get in, three are told the room is full.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        joinRoom(database, { token, userId: randomUUID(), displayName: `Late ${i}` }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(2);
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as AppError] : []));
    expect(refused.map((e) => e.code)).toEqual(["conflict:room_full", "conflict:room_full", "conflict:room_full"]);
    expect(refused[0]?.message).toContain(String(ROOM_MEMBER_LIMIT));
    const host = (await getRoom(database, room.id, room.hostUserId)).members;
    expect(host).toHaveLength(ROOM_MEMBER_LIMIT);
  });

  it(`lets the ${ROOM_MEMBER_LIMIT}th person in and refuses the next with its sentence, adding nobody`, async () => {
    const { room, token } = await newRoom();
    // The host is the first; members 2 to 19 join, then the 20th is the last to fit.
    for (let i = 2; i < ROOM_MEMBER_LIMIT; i++) {
      await joinRoom(database, { token, userId: randomUUID(), displayName: `Member ${i}` });
    }
    const last = await joinRoom(database, { token, userId: randomUUID(), displayName: "Twentieth" });
    expect(last.members).toHaveLength(20);
    const late = randomUUID();
    await expect(joinRoom(database, { token, userId: late, displayName: "Twenty-first" })).rejects.toMatchObject({
      status: 409,
      code: "conflict:room_full",
      message: "This room is full: a room holds at most 20 people.",
    });
    expect(await codeOf(getRoom(database, room.id, late))).toBe("not_found:room");
    expect((await getRoom(database, room.id, room.hostUserId)).members).toHaveLength(20);
  });

  it("removes a member at once, for good, and only the host may", async () => {
    const { host, room, token } = await newRoom();
    const grace = randomUUID();
    const linus = randomUUID();
    await joinRoom(database, { token, userId: grace, displayName: "Grace" });
    await joinRoom(database, { token, userId: linus, displayName: "Linus" });
    expect(await codeOf(removeMember(database, { roomId: room.id, userId: grace, memberId: linus }))).toBe(
      "forbidden:room_host",
    );
    await removeMember(database, { roomId: room.id, userId: host, memberId: linus });
    expect(await codeOf(getRoom(database, room.id, linus))).toBe("not_found:room");
    expect(await codeOf(joinRoom(database, { token, userId: linus, displayName: "Linus" }))).toBe(
      "not_found:room_invite",
    );
    expect(await codeOf(removeMember(database, { roomId: room.id, userId: host, memberId: host }))).toBe(
      "bad_request:room_member",
    );
  });

  it("hands the host role over, and closes a room so that nobody joins it", async () => {
    const { host, room, token } = await newRoom();
    const grace = randomUUID();
    await joinRoom(database, { token, userId: grace, displayName: "Grace" });
    const handed = await handOverHost(database, { roomId: room.id, userId: host, newHostId: grace });
    expect(handed.members.find((m) => m.isHost)?.displayName).toBe("Grace");
    expect(await codeOf(inviteToRoom(database, { roomId: room.id, userId: host, days: 1 }))).toBe(
      "forbidden:room_host",
    );
    const closed = await closeRoom(database, { roomId: room.id, userId: grace });
    expect(closed.status).toBe("closed");
    expect(await codeOf(joinRoom(database, { token, userId: randomUUID(), displayName: "Late" }))).toBe(
      "conflict:room_closed",
    );
  });
});
