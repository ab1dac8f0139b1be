import type { Database } from "@/db/client";
import { getInterviewEventBus, type SequencedEvent } from "@/services/events/interview-event-bus";
import { getRoomEventBus } from "@/services/events/room-event-bus";
import { isMember, requireMember } from "./room-access";
import { requireRoundReader } from "./round-access";

/** A backstop for a missed removal event: an open stream re-checks membership this often. */
const ACCESS_RECHECK_MS = 10_000;

type Watch = (signal: AbortSignal) => AsyncIterable<SequencedEvent>;

/**
 * An abort signal that fires when `signal` does, or the moment `userId` stops being a member of
 * the room: the host's removal reaches every server as a room event (LISTEN/NOTIFY), so a
 * removed member's streams close at once wherever they are connected.
 */
function untilRemoved(database: Database, roomId: string, userId: string, signal: AbortSignal): AbortController {
  const stop = new AbortController();
  const relay = () => stop.abort();
  signal.addEventListener("abort", relay, { once: true });
  const recheck = setInterval(() => {
    isMember(database, roomId, userId)
      .then((member) => {
        if (!member) stop.abort();
      })
      .catch(() => undefined);
  }, ACCESS_RECHECK_MS);
  stop.signal.addEventListener("abort", () => {
    clearInterval(recheck);
    signal.removeEventListener("abort", relay);
  });
  const bus = getRoomEventBus(database);
  void (async () => {
    const from = await bus.latestSeq(roomId);
    for await (const { event } of bus.watch(roomId, from, stop.signal)) {
      if (event.type === "room" && event.kind === "member-removed" && event.userId === userId) stop.abort();
    }
    // A removal published between the membership check and `latestSeq` is caught here.
    if (!stop.signal.aborted && !(await isMember(database, roomId, userId))) stop.abort();
  })().catch(() => stop.abort());
  return stop;
}

async function* relayUntilRemoved(
  database: Database,
  ids: { roomId: string; userId: string },
  signal: AbortSignal,
  events: (stop: AbortSignal) => AsyncIterable<SequencedEvent>,
): AsyncIterable<SequencedEvent> {
  const stop = untilRemoved(database, ids.roomId, ids.userId, signal);
  try {
    // Checked again once the removal watch is in place, so nothing slips between the two.
    if (!(await isMember(database, ids.roomId, ids.userId))) return;
    yield* events(stop.signal);
  } finally {
    stop.abort();
  }
}

/** The room's live events for a member, from after `afterSeq`; the stream ends if they are removed. */
export async function openRoomWatch(
  database: Database,
  input: { roomId: string; userId: string; afterSeq: number },
): Promise<Watch> {
  await requireMember(database, input.roomId, input.userId);
  return (signal) =>
    relayUntilRemoved(database, input, signal, (stop) =>
      getRoomEventBus(database).watch(input.roomId, input.afterSeq, stop),
    );
}

/**
 * A round's interview events (messages, the reply's words, steps, check cards, the report) for a
 * member of its room, from after `afterSeq`; the stream ends if they are removed.
 */
export async function openRoundWatch(
  database: Database,
  input: { roomId: string; roundId: string; userId: string; afterSeq: number },
): Promise<Watch> {
  const { round } = await requireRoundReader(database, input);
  await requireMember(database, input.roomId, input.userId);
  return (signal) =>
    relayUntilRemoved(database, input, signal, (stop) =>
      getInterviewEventBus(database).watch(round.interviewId, input.afterSeq, stop),
    );
}
