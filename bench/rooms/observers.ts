/**
 * One member's browser tab watching a round: `GET /api/rooms/:id/rounds/:roundId/events` over
 * server-sent events with the member's identity cookie, read with the app's SSE reader. It
 * records when each message event arrived here, by message id, and what came more than once.
 */
import { readSseEvents } from "@/lib/streams/read-stream";
import { now } from "../events/clock";

export interface Arrival {
  seq: number;
  at: number;
}

export interface RoundStream {
  server: string;
  /** The first arrival of each message, by message (turn) id. */
  arrivals: Map<string, Arrival>;
  /** How many times a message came again after its first arrival (same id or same number). */
  repeats(messageId: string): number;
  /** Events other than messages that came twice (the same sequence number). */
  otherRepeats(): number;
  /** Resolves true when `messageId` has arrived, false if it has not by `deadline` (a `now()` time). */
  waitFor(messageId: string, deadline: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function openRoundStream(
  server: string,
  cookie: string,
  ids: { roomId: string; roundId: string },
  afterSeq: number,
): Promise<RoundStream> {
  const stop = new AbortController();
  const response = await fetch(`${server}/api/rooms/${ids.roomId}/rounds/${ids.roundId}/events?after=${afterSeq}`, {
    headers: { cookie, accept: "text/event-stream" },
    signal: stop.signal,
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`a member's round stream on ${server} answered ${response.status}: ${await response.text()}`);
  }
  const arrivals = new Map<string, Arrival>();
  const repeated = new Map<string, number>();
  const messageOfSeq = new Map<number, string>();
  const seenSeqs = new Set<number>();
  let otherRepeats = 0;
  const waiting = new Map<string, () => void>();
  const body = response.body;
  const reading = (async () => {
    try {
      for await (const { id: seq, event } of readSseEvents(body)) {
        const at = now();
        const again = seq !== null && seenSeqs.has(seq);
        if (seq !== null) seenSeqs.add(seq);
        if (event.type !== "message") {
          if (again) otherRepeats += 1;
          continue;
        }
        const messageId = event.turn.id;
        if (arrivals.has(messageId) || again) {
          const key = again ? (messageOfSeq.get(seq as number) ?? messageId) : messageId;
          repeated.set(key, (repeated.get(key) ?? 0) + 1);
          continue;
        }
        if (seq === null) throw new Error("a message event came without its sequence number");
        arrivals.set(messageId, { seq, at });
        messageOfSeq.set(seq, messageId);
        waiting.get(messageId)?.();
        waiting.delete(messageId);
      }
    } catch (error) {
      if (!stop.signal.aborted) throw error;
    }
  })();
  reading.catch((error) => process.stderr.write(`  a round stream on ${server} failed: ${(error as Error).message}\n`));
  return {
    server,
    arrivals,
    repeats: (messageId) => repeated.get(messageId) ?? 0,
    otherRepeats: () => otherRepeats,
    waitFor(messageId, deadline) {
      if (arrivals.has(messageId)) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(
          () => {
            waiting.delete(messageId);
            resolve(arrivals.has(messageId));
          },
          Math.max(0, deadline - now()),
        );
        waiting.set(messageId, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
    async close() {
      stop.abort();
      await reading.catch(() => undefined);
    },
  };
}
