import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { SCENARIO_IDS } from "@/lib/framework";
import { mulberry32 } from "@/lib/pipelines/random";
import { readNdjsonEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { Server } from "@/services/testing/app-servers";

/**
 * One simulated candidate of `npm run bench:load`: an identity cookie, an interview, then its
 * messages one after another over HTTP, each timed to the view event of its NDJSON answer, with
 * failures counted by kind in a Tally.
 */
/** What candidates say, in turn; each starts at a different place in the list. */
const MESSAGES = [
  "I'd start by clarifying the goal: more long-term engagement without hurting satisfaction. Which users and surfaces are in scope?",
  "500 million users x 5 visits a day is about 3,000 requests per second.",
  "Offline I'd track recall@k for candidate generation and NDCG for the ranker; online, time spent per session in an A/B test.",
  "What latency budget do we have for the whole request?",
  "For data I'd log impressions, clicks and dwell time, and call an item positive when it was engaged with for more than 30 seconds.",
  "A two-tower model retrieves a few thousand candidates from an ANN index, then a gradient-boosted ranker orders a few hundred.",
  "next",
  "To serve it I'd precompute item embeddings nightly, keep user features in a feature store, and cache the top results per user.",
  "How large is the catalogue, and how fresh do new items need to be?",
  "next",
];
const MAX_BUSY_RETRIES = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failures of one configuration, by kind ("500 internal", "stream error", ...). */
export class Tally {
  turns = 0;
  errors = 0;
  latencies: number[] = [];
  kinds = new Map<string, number>();
  /** How long streams stayed open after their view event (check cards), in ms. */
  tails: number[] = [];
  cut = 0;

  fail(kind: string): void {
    this.errors += 1;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }
}

async function errorCode(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code ?? "no code";
}

const describeFailure = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error as Error).name ?? "failure";
};

/**
 * Sends one message and times it to the view event. Returns the reading of the rest of the
 * stream, to be awaited later, or null when the turn ended (or failed) without one.
 */
async function sendTurn(
  server: Server,
  cookie: string,
  interviewId: string,
  content: string,
  tally: Tally,
  abort: AbortSignal,
): Promise<Promise<void> | null> {
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
        tally.kinds.set("409 turn_busy (retried)", (tally.kinds.get("409 turn_busy (retried)") ?? 0) + 1);
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
        if (event.type === "view") break;
      }
    } catch (error) {
      tally.fail(`stream failed: ${describeFailure(error)}`);
      return null;
    }
    const viewAt = performance.now();
    tally.latencies.push(viewAt - startedAt);
    return drain(events, viewAt, tally, abort);
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

/** One candidate: a cookie, an interview, then `turns` messages one after another. */
export async function candidate(
  index: number,
  servers: Server[],
  turns: number,
  tally: Tally,
  abort: AbortSignal,
  onTurn: () => void,
): Promise<Array<Promise<void>>> {
  const serverFor = (message: number) => servers[(index + message) % servers.length] as Server;
  const first = serverFor(0);
  const random = mulberry32(1_000 + index);
  const drains: Array<Promise<void>> = [];
  let cookie: string;
  let interviewId: string;
  try {
    const health = await fetch(`${first.url}/api/health`, { signal: abort });
    await health.arrayBuffer();
    cookie = (health.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    if (!cookie.includes("=")) throw new Error(`${first.url}/api/health set no identity cookie`);
    const started = await fetch(`${first.url}/api/interviews`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ scenarioId: SCENARIO_IDS[index % SCENARIO_IDS.length], level: "senior" }),
      signal: abort,
    });
    if (started.status !== 201) {
      tally.fail(`start ${started.status} ${await errorCode(started)}`);
      return drains;
    }
    ({ id: interviewId } = (await started.json()) as { id: string });
  } catch (error) {
    tally.fail(`start failed: ${describeFailure(error)}`);
    return drains;
  }
  for (let message = 0; message < turns; message++) {
    if (abort.aborted) break;
    if (message > 0) await sleep(200 + Math.floor(random() * 400));
    const content = MESSAGES[(index + message) % MESSAGES.length] as string;
    tally.turns += 1;
    const rest = await sendTurn(serverFor(message), cookie, interviewId, content, tally, abort);
    if (rest) drains.push(rest);
    onTurn();
  }
  return drains;
}
