import pg from "pg";
import type { Database } from "@/db/client";
import {
  appendInterviewEvent,
  deleteStreamedWordsBefore,
  getLatestInterviewEventSeq,
  INTERVIEW_EVENTS_CHANNEL,
  listInterviewEventsAfter,
} from "@/db/queries/interview-events";
import type { InterviewEventKind, InterviewEventRow } from "@/db/schema";
import { logger } from "@/lib/logger";
import type { StreamEvent } from "@/lib/streams/stream-event";
import { toStreamEvent } from "./to-stream-event";

/** One live event as a watcher receives it: the interview's sequence number and the event. */
export interface SequencedEvent {
  seq: number;
  event: StreamEvent;
}

/**
 * Interview events across servers. `publish` stores an event with the interview's next number
 * and NOTIFYs every server; each server keeps one LISTEN connection and, per watched interview,
 * reads the new rows once and hands them to its local watchers. A watcher that (re)connects
 * says which number it saw last and first gets everything after it from the table, so nothing
 * is missed across a reconnect and, since each watcher skips numbers it has had, nothing comes twice.
 */
export interface InterviewEventBus {
  /** Stores and announces an event; resolves to its number, or null if it could not be stored (logged). */
  publish(interviewId: string, kind: InterviewEventKind, data?: Record<string, string>): Promise<number | null>;
  /** The events after `afterSeq`, then each new one, until `signal` aborts. */
  watch(interviewId: string, afterSeq: number, signal: AbortSignal): AsyncIterable<SequencedEvent>;
  /** Drops the reply's streamed words before `seq` (the stored reply's event), which says all they said. */
  forgetWordsBefore(interviewId: string, seq: number): Promise<void>;
  /** The interview's latest number (0 before the first event). */
  latestSeq(interviewId: string): Promise<number>;
  close(): Promise<void>;
}

/** A missed notification (a dropped LISTEN connection) is made good by a read this often. */
const SAFETY_POLL_MS = 5_000;
const RECONNECT_DELAY_MS = 500;
const PAGE = 500;

interface Watcher {
  lastSent: number;
  /** Events that arrived while the watcher's replay was still being read. */
  held: SequencedEvent[] | null;
  push(events: SequencedEvent[]): void;
}

interface Channel {
  lastSeq: number;
  ready: Promise<void>;
  watchers: Set<Watcher>;
  reading: Promise<void> | null;
  again: boolean;
}

function deliver(watcher: Watcher, events: SequencedEvent[]): void {
  if (watcher.held) {
    watcher.held.push(...events);
    return;
  }
  const fresh: SequencedEvent[] = [];
  for (const event of events) {
    if (event.seq <= watcher.lastSent) continue;
    fresh.push(event);
    watcher.lastSent = event.seq;
  }
  if (fresh.length > 0) watcher.push(fresh);
}

export function createInterviewEventBus(
  database: Database,
  options: { safetyPollMs?: number } = {},
): InterviewEventBus {
  const channels = new Map<string, Channel>();
  let listener: pg.Client | null = null;
  let listening: Promise<void> | null = null;
  let closed = false;
  const poll = setInterval(() => {
    for (const id of channels.keys()) wake(id);
  }, options.safetyPollMs ?? SAFETY_POLL_MS);
  poll.unref();

  async function readRows(interviewId: string, afterSeq: number): Promise<SequencedEvent[]> {
    const out: SequencedEvent[] = [];
    let after = afterSeq;
    for (;;) {
      const rows = await listInterviewEventsAfter({ db: database.db, interviewId, afterSeq: after, limit: PAGE });
      out.push(...(await convert(interviewId, rows)));
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1]?.seq ?? after;
    }
  }

  async function convert(interviewId: string, rows: InterviewEventRow[]): Promise<SequencedEvent[]> {
    const out: SequencedEvent[] = [];
    for (const row of rows) {
      const event = await toStreamEvent(database, interviewId, row);
      if (event) out.push({ seq: row.seq, event });
    }
    return out;
  }

  function wake(interviewId: string): void {
    const channel = channels.get(interviewId);
    if (!channel) return;
    if (channel.reading) {
      channel.again = true;
      return;
    }
    channel.reading = (async () => {
      await channel.ready;
      do {
        channel.again = false;
        const rows = await listInterviewEventsAfter({
          db: database.db,
          interviewId,
          afterSeq: channel.lastSeq,
          limit: PAGE,
        });
        if (rows.length === 0) continue;
        channel.lastSeq = rows[rows.length - 1]?.seq ?? channel.lastSeq;
        if (rows.length === PAGE) channel.again = true;
        const events = await convert(interviewId, rows);
        for (const watcher of channel.watchers) deliver(watcher, events);
      } while (channel.again && !closed);
    })()
      .catch((error) => {
        logger.warn(`reading events of ${interviewId} failed: ${(error as Error).message}`);
      })
      .finally(() => {
        channel.reading = null;
      });
  }

  /** One LISTEN connection per process on a real Postgres; it reconnects and catches up by itself. */
  function listen(): Promise<void> {
    if (database.kind !== "postgres" || closed) return Promise.resolve();
    listening ??= (async () => {
      const client = new pg.Client(database.pool.options);
      client.on("notification", (message) => {
        const interviewId = message.payload?.split(":")[0];
        if (interviewId) wake(interviewId);
      });
      const reconnect = (error?: Error) => {
        if (listener !== client) return;
        listener = null;
        listening = null;
        if (error) logger.warn(`interview event listener lost its connection: ${error.message}`);
        client.end().catch(() => undefined);
        if (closed) return;
        setTimeout(() => {
          listen()
            .then(() => {
              for (const id of channels.keys()) wake(id);
            })
            .catch((e) => reconnect(e as Error));
        }, RECONNECT_DELAY_MS).unref();
      };
      client.on("error", reconnect);
      client.on("end", () => reconnect());
      listener = client;
      await client.connect();
      await client.query(`LISTEN ${INTERVIEW_EVENTS_CHANNEL}`);
    })().catch((error) => {
      listening = null;
      listener = null;
      throw error;
    });
    return listening;
  }

  function openChannel(interviewId: string): Channel {
    let channel = channels.get(interviewId);
    if (!channel) {
      const created: Channel = {
        lastSeq: 0,
        ready: Promise.resolve(),
        watchers: new Set(),
        reading: null,
        again: false,
      };
      created.ready = (async () => {
        await listen();
        created.lastSeq = await getLatestInterviewEventSeq({ db: database.db, interviewId });
      })();
      channels.set(interviewId, created);
      channel = created;
    }
    return channel;
  }

  return {
    async publish(interviewId, kind, data = {}) {
      try {
        const seq = await appendInterviewEvent({ db: database.db, interviewId, kind, data });
        // In one process (PGlite) there is no other server to notify: wake the local watchers.
        if (database.kind === "pglite") wake(interviewId);
        return seq;
      } catch (error) {
        logger.warn(`could not publish a ${kind} event for ${interviewId}: ${(error as Error).message}`);
        return null;
      }
    },

    watch(interviewId, afterSeq, signal) {
      return {
        async *[Symbol.asyncIterator]() {
          const queue: SequencedEvent[] = [];
          let notify: (() => void) | null = null;
          const watcher: Watcher = {
            lastSent: afterSeq,
            held: [],
            push: (events) => {
              queue.push(...events);
              notify?.();
            },
          };
          const stop = () => notify?.();
          signal.addEventListener("abort", stop, { once: true });
          const channel = openChannel(interviewId);
          channel.watchers.add(watcher);
          try {
            await channel.ready;
            const replay = await readRows(interviewId, afterSeq);
            const held = watcher.held ?? [];
            watcher.held = null;
            deliver(
              watcher,
              [...replay, ...held].sort((a, b) => a.seq - b.seq),
            );
            while (!signal.aborted) {
              const next = queue.shift();
              if (next) {
                yield next;
                continue;
              }
              await new Promise<void>((resolve) => {
                notify = resolve;
              });
              notify = null;
            }
          } finally {
            signal.removeEventListener("abort", stop);
            channel.watchers.delete(watcher);
            if (channel.watchers.size === 0 && channels.get(interviewId) === channel) channels.delete(interviewId);
          }
        },
      };
    },

    latestSeq: (interviewId) => getLatestInterviewEventSeq({ db: database.db, interviewId }),

    async forgetWordsBefore(interviewId, seq) {
      try {
        await deleteStreamedWordsBefore({ db: database.db, interviewId, beforeSeq: seq });
      } catch (error) {
        logger.warn(`could not drop streamed words of ${interviewId}: ${(error as Error).message}`);
      }
    },

    async close() {
      closed = true;
      clearInterval(poll);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
}

const buses = new WeakMap<Database, InterviewEventBus>();

/** The process's event bus for this database, built once. */
export function getInterviewEventBus(database: Database): InterviewEventBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = createInterviewEventBus(database);
    buses.set(database, bus);
  }
  return bus;
}
