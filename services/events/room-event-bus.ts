import type { Database } from "@/db/client";
import {
  appendRoomEvent,
  getLatestRoomEventSeq,
  listRoomEventsAfter,
  ROOM_EVENTS_CHANNEL,
} from "@/db/queries/room-events";
import type { RoomEventKind } from "@/lib/rooms/types";
import { createSequencedEventBus, type SequencedEventBus } from "./sequenced-event-bus";

export type RoomEventBus = SequencedEventBus<RoomEventKind>;

/**
 * A study room's live events across servers: who joined or was removed, the host, rounds
 * started and ended. The rows say who and which round; pages read the room again for the rest.
 */
export function createRoomEventBus(database: Database, options: { safetyPollMs?: number } = {}): RoomEventBus {
  return createSequencedEventBus<RoomEventKind>(
    database,
    {
      channel: ROOM_EVENTS_CHANNEL,
      append: (roomId, kind, data) => appendRoomEvent({ db: database.db, roomId, kind, data }),
      listAfter: (roomId, afterSeq, limit) => listRoomEventsAfter({ db: database.db, roomId, afterSeq, limit }),
      latest: (roomId) => getLatestRoomEventSeq({ db: database.db, roomId }),
      convert: async (_roomId, row) => ({
        type: "room",
        kind: row.kind,
        ...(row.data.userId ? { userId: row.data.userId } : {}),
        ...(row.data.roundId ? { roundId: row.data.roundId } : {}),
      }),
    },
    options,
  );
}

const buses = new WeakMap<Database, RoomEventBus>();

/** The process's room event bus for this database, built once. */
export function getRoomEventBus(database: Database): RoomEventBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = createRoomEventBus(database);
    buses.set(database, bus);
  }
  return bus;
}
