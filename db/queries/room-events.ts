import { and, asc, eq, gt, max } from "drizzle-orm";
import type { RoomEventKind } from "@/lib/rooms/types";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type RoomEventRow, roomEvents } from "../schema";
import { appendSequencedEvent } from "./sequenced-events";

/** The channel every server LISTENs on for rooms; a notification carries `<roomId>:<seq>` only. */
export const ROOM_EVENTS_CHANNEL = "probe_room_events";

/** Appends a room event with the room's next number and notifies every server. */
export function appendRoomEvent({
  db,
  roomId,
  kind,
  data,
}: {
  db: Db;
  roomId: string;
  kind: RoomEventKind;
  data: Record<string, string>;
}): Promise<number> {
  return withDbError("db:append_room_event", () =>
    appendSequencedEvent(
      db,
      { table: "room_events", keyColumn: "room_id", channel: ROOM_EVENTS_CHANNEL },
      { key: roomId, kind, data },
    ),
  );
}

/** The room's events after `afterSeq`, oldest first, at most `limit`. */
export function listRoomEventsAfter({
  db,
  roomId,
  afterSeq,
  limit = 500,
}: {
  db: Db;
  roomId: string;
  afterSeq: number;
  limit?: number;
}): Promise<RoomEventRow[]> {
  return withDbError("db:list_room_events", () =>
    db
      .select()
      .from(roomEvents)
      .where(and(eq(roomEvents.roomId, roomId), gt(roomEvents.seq, afterSeq)))
      .orderBy(asc(roomEvents.seq))
      .limit(limit),
  );
}

/** The room's latest sequence number, 0 before its first event. */
export function getLatestRoomEventSeq({ db, roomId }: { db: Db; roomId: string }): Promise<number> {
  return withDbError("db:latest_room_event", async () => {
    const [row] = await db
      .select({ seq: max(roomEvents.seq) })
      .from(roomEvents)
      .where(eq(roomEvents.roomId, roomId));
    return row?.seq ?? 0;
  });
}
