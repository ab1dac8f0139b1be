import { readSseEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { Server } from "./app-servers";

/**
 * Reading server-sent event streams and calling JSON routes from the several-server tests, with
 * every wait bounded.
 */

export interface Received {
  id: number | null;
  event: StreamEvent;
  at: number;
}

/** An open server-sent event stream being read in the background. */
export interface Watched {
  status: number;
  events: Received[];
  /** When the body finished (the server closed it); null while it is open. */
  endedAt: () => number | null;
  /** Resolves with the time the body finished. */
  ended: Promise<number>;
  /** Resolves once an event satisfies `match`, or fails after the watch's wait. */
  waitFor: (what: string, match: (r: Received) => boolean) => Promise<Received>;
  close: () => void;
}

export function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function watchEvents(url: string, cookie: string, waitMs = 10_000): Promise<Watched> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  const events: Received[] = [];
  const waiters = new Set<() => void>();
  let endedAt: number | null = null;
  let markEnded: (at: number) => void = () => undefined;
  const ended = new Promise<number>((resolve) => {
    markEnded = resolve;
  });
  const finish = () => {
    endedAt = Date.now();
    markEnded(endedAt);
    for (const wake of waiters) wake();
  };
  if (response.status === 200 && response.body) {
    const body = response.body;
    void (async () => {
      try {
        for await (const { id, event } of readSseEvents(body)) {
          events.push({ id, event, at: Date.now() });
          for (const wake of waiters) wake();
        }
      } catch {
        // Aborted by the test.
      }
      finish();
    })();
  } else {
    await response.body?.cancel();
    finish();
  }
  return {
    status: response.status,
    events,
    endedAt: () => endedAt,
    ended,
    waitFor: (what, match) =>
      deadline(
        new Promise<Received>((resolve, reject) => {
          const check = () => {
            const found = events.find(match);
            if (found) resolve(found);
            else if (endedAt !== null) reject(new Error(`the stream ended before ${what}`));
            else return;
            waiters.delete(check);
          };
          waiters.add(check);
          check();
        }),
        waitMs,
        what,
      ),
    close: () => abort.abort(),
  };
}

/** A JSON request with a cookie; the parsed body (null when empty) and the status. */
export async function callJson<T>(
  server: Server,
  cookie: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
}
