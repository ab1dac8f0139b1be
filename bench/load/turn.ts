import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { readNdjsonEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { InterviewView } from "@/lib/types";
import type { Server } from "@/services/testing/app-servers";

/**
 * One turn of a simulated candidate in `npm run bench:load`: a message sent over HTTP and timed
 * to the view event of its NDJSON answer, failures counted by kind in a Tally, and the rest of
 * the stream (check cards) read in the background.
 */
const MAX_BUSY_RETRIES = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failures of one configuration, by kind ("500 internal", "stream error", ...). */
export class Tally {
  turns = 0;
  errors = 0;
  /** Turns whose message carried a numeric claim. */
  numericTurns = 0;
  interviews = 0;
  latencies: number[] = [];
  /** When each timed turn finished (ms on the performance clock) and how long it took. */
  timeline: Array<[at: number, ms: number]> = [];
  kinds = new Map<string, number>();
  /** How long streams stayed open after their view event (check cards), in ms. */
  tails: number[] = [];
  cut = 0;

  record(at: number, ms: number): void {
    this.latencies.push(ms);
    this.timeline.push([at, ms]);
  }

  count(kind: string): void {
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  fail(kind: string): void {
    this.errors += 1;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }
}

export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code ?? "no code";
}

export const describeFailure = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error as Error).name ?? "failure";
};

export interface TurnResult {
  view: InterviewView;
  /** The reading of the rest of the stream (check cards), to be awaited before the end. */
  rest: Promise<void>;
}

/**
 * Sends one message and times it to the view event. Returns the view and the reading of the
 * rest of the stream, or null when the turn failed (counted in the tally).
 */
export async function sendTurn(
  server: Server,
  cookie: string,
  interviewId: string,
  content: string,
  tally: Tally,
  abort: AbortSignal,
): Promise<TurnResult | null> {
  const id = randomUUID();
  const startedAt = performance.now();
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${server.url}/api/interviews/${interviewId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/x-ndjson", cookie },
        body: JSON.stringify({ id, content }),
        signal: abort,
      });
    } catch (error) {
      tally.fail(`request failed: ${describeFailure(error)}`);
      return null;
    }
    if (response.status === 409 && attempt <= MAX_BUSY_RETRIES) {
      const code = await errorCode(response);
      if (code === "conflict:turn_busy") {
        tally.count("409 turn_busy (retried)");
        await sleep(100 * attempt);
        continue;
      }
      tally.fail(`409 ${code}`);
      return null;
    }
    if (response.status !== 200 || !response.body) {
      tally.fail(`${response.status} ${await errorCode(response)}`);
      return null;
    }
    const events = readNdjsonEvents(response.body);
    let view: InterviewView;
    try {
      for (;;) {
        const next = await events.next();
        if (next.done) {
          tally.fail("stream ended without a view");
          return null;
        }
        const event: StreamEvent = next.value;
        if (event.type === "error") {
          tally.fail(`stream error ${event.status} ${event.error.code}`);
          await events.return(undefined);
          return null;
        }
        if (event.type === "view") {
          view = event.view;
          break;
        }
      }
    } catch (error) {
      tally.fail(`stream failed: ${describeFailure(error)}`);
      return null;
    }
    const viewAt = performance.now();
    tally.record(viewAt, viewAt - startedAt);
    return { view, rest: drain(events, viewAt, tally, abort) };
  }
}

/** Reads the rest of a turn's stream; an error event in it counts as an error. */
async function drain(
  events: AsyncGenerator<StreamEvent>,
  viewAt: number,
  tally: Tally,
  abort: AbortSignal,
): Promise<void> {
  try {
    for await (const event of events) {
      if (event.type === "error") tally.fail(`stream error after view ${event.status} ${event.error.code}`);
    }
    tally.tails.push(performance.now() - viewAt);
  } catch (error) {
    if (abort.aborted) tally.cut += 1;
    else tally.fail(`stream failed after view: ${describeFailure(error)}`);
  }
}
