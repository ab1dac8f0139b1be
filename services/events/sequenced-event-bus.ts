import pg from "pg";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";
import type { StreamEvent } from "@/lib/streams/stream-event";

/** One live event as a watcher receives it: its stream's sequence number and the event. */
export interface SequencedEvent {
  seq: number;
  event: StreamEvent;
}

/** A stored event row as the bus reads it. */
export interface SequencedRow<Kind extends string> {
  seq: number;
  kind: Kind;
  data: Record<string, string>;
}

/** Where one kind of numbered event lives (an interview's, a room's) and how it becomes a stream event. */
export interface SequencedSource<Kind extends string> {
  /** The NOTIFY channel; a payload is `<key>:<seq>`. */
  channel: string;
  append(key: string, kind: Kind, data: Record<string, string>): Promise<number>;
  listAfter(key: string, afterSeq: number, limit: number): Promise<SequencedRow<Kind>[]>;
  latest(key: string): Promise<number>;
  /** The event a row stands for (its content read from its table), or null to skip it. */
  convert(key: string, row: SequencedRow<Kind>): Promise<StreamEvent | null>;
}

/**
 * Numbered events across servers. `publish` stores an event with the key's next number and
 * NOTIFYs every server; each server keeps one LISTEN connection per kind of event and, per
 * watched key, reads the new rows once and hands them to its local watchers. A watcher that
 * (re)connects says which number it saw last and first gets everything after it from the table,
 * so nothing is missed across a reconnect and, since each watcher skips numbers it has had,
 * nothing comes twice.
 */
export interface SequencedEventBus<Kind extends string> {
  /** Stores and announces an event; resolves to its number, or null if it could not be stored (logged). */
  publish(key: string, kind: Kind, data?: Record<string, string>): Promise<number | null>;
  /** The events after `afterSeq`, then each new one, until `signal` aborts. */
  watch(key: string, afterSeq: number, signal: AbortSignal): AsyncIterable<SequencedEvent>;
  /** The key's latest number (0 before the first event). */
  latestSeq(key: string): Promise<number>;
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

export function createSequencedEventBus<Kind extends string>(
  database: Database,
  source: SequencedSource<Kind>,
  options: { safetyPollMs?: number } = {},
): SequencedEventBus<Kind> {
  const channels = new Map<string, Channel>();
  let listener: pg.Client | null = null;
  let listening: Promise<void> | null = null;
  let closed = false;
  const poll = setInterval(() => {
    for (const id of channels.keys()) wake(id);
  }, options.safetyPollMs ?? SAFETY_POLL_MS);
  poll.unref();

  async function readRows(key: string, afterSeq: number): Promise<SequencedEvent[]> {
    const out: SequencedEvent[] = [];
    let after = afterSeq;
    for (;;) {
      const rows = await source.listAfter(key, after, PAGE);
      out.push(...(await convert(key, rows)));
      if (rows.length < PAGE) return out;
      after = rows[rows.length - 1]?.seq ?? after;
    }
  }

  async function convert(key: string, rows: SequencedRow<Kind>[]): Promise<SequencedEvent[]> {
    const out: SequencedEvent[] = [];
    for (const row of rows) {
      const event = await source.convert(key, row);
      if (event) out.push({ seq: row.seq, event });
    }
    return out;
  }

  function wake(key: string): void {
    const channel = channels.get(key);
    if (!channel) return;
    if (channel.reading) {
      channel.again = true;
      return;
    }
    channel.reading = (async () => {
      await channel.ready;
      do {
        channel.again = false;
        const rows = await source.listAfter(key, channel.lastSeq, PAGE);
        if (rows.length === 0) continue;
        channel.lastSeq = rows[rows.length - 1]?.seq ?? channel.lastSeq;
        if (rows.length === PAGE) channel.again = true;
        const events = await convert(key, rows);
        for (const watcher of channel.watchers) deliver(watcher, events);
      } while (channel.again && !closed);
    })()
      .catch((error) => {
        logger.warn(`reading events of ${key} failed: ${(error as Error).message}`);
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
        const key = message.payload?.split(":")[0];
        if (key) wake(key);
      });
      const reconnect = (error?: Error) => {
        if (listener !== client) return;
        listener = null;
        listening = null;
        if (error) logger.warn(`${source.channel} listener lost its connection: ${error.message}`);
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
      await client.query(`LISTEN ${source.channel}`);
    })().catch((error) => {
      listening = null;
      listener = null;
      throw error;
    });
    return listening;
  }

  function openChannel(key: string): Channel {
    let channel = channels.get(key);
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
        created.lastSeq = await source.latest(key);
      })();
      channels.set(key, created);
      channel = created;
    }
    return channel;
  }

  return {
    async publish(key, kind, data = {}) {
      try {
        const seq = await source.append(key, kind, data);
        // In one process (PGlite) there is no other server to notify: wake the local watchers.
        if (database.kind === "pglite") wake(key);
        return seq;
      } catch (error) {
        logger.warn(`could not publish a ${kind} event on ${source.channel} for ${key}: ${(error as Error).message}`);
        return null;
      }
    },

    watch(key, afterSeq, signal) {
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
          const channel = openChannel(key);
          channel.watchers.add(watcher);
          try {
            await channel.ready;
            const replay = await readRows(key, afterSeq);
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
            if (channel.watchers.size === 0 && channels.get(key) === channel) channels.delete(key);
          }
        },
      };
    },

    latestSeq: (key) => source.latest(key),

    async close() {
      closed = true;
      clearInterval(poll);
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
}
