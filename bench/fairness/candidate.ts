/**
 * Identity A of `npm run bench:fairness`: a person practising, one message at a time with a
 * pause to read the reply. Every phase sends the same fixed cycle of messages on a fresh
 * interview, so the baseline and the under-abuse phase differ only in what B is doing. A turn is
 * timed from sending the message to the `view` event of its NDJSON answer; the rest of the stream
 * (check cards) is read in the background, as a browser would.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { SCENARIO_IDS } from "@/lib/framework";
import { readNdjsonEvents } from "@/lib/streams/read-stream";
import type { Server } from "@/services/testing/app-servers";
import { sleep } from "../lib/sleep";

/** Answers, two with numeric claims (they start a check on a worker too); "next" moves a step. */
const CYCLE = [
  "Before anything else I want to pin down the business goal and which surface this runs on.",
  "I'd frame it as ranking: predict the probability of a meaningful engagement per candidate.",
  "100 million users x 10 sessions a day is about 11,600 requests per second.",
  "Training data comes from impression logs joined with clicks and dwell time.",
  "next",
  "A two-tower model for retrieval with in-batch negatives, then a multi-task ranker.",
  "50 million items with 128-dim float embeddings is about 26 GB for the index.",
  "Offline recall at k and NDCG on a time-based split; online an A/B test with guardrails.",
  "Item embeddings are precomputed nightly; users are embedded online behind a cache.",
  "next",
];
/**
 * A new interview after this many messages: the offline interviewer wraps an interview up after
 * about 28 answers, and a message to an ended interview is refused (409), not a turn.
 */
const PER_INTERVIEW = 20;
/** A turn that has not shown its view by then has failed: the loop must end. */
const TURN_TIMEOUT_MS = 120_000;

export interface TurnTimes {
  /** Milliseconds from sending to the view, one per successful turn, in order. */
  times: number[];
  /** When each turn started (performance clock), to line up with B's runs. */
  startedAt: number[];
  failures: string[];
}

async function startInterview(server: Server, cookie: string, scenario: number): Promise<string> {
  const response = await fetch(`${server.url}/api/interviews`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ scenarioId: SCENARIO_IDS[scenario % SCENARIO_IDS.length], level: "senior" }),
    signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`starting an interview answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** One message, timed to its view; the rest of the stream is returned to be awaited later. */
async function turn(server: Server, cookie: string, interviewId: string, content: string) {
  const startedAt = performance.now();
  const response = await fetch(`${server.url}/api/interviews/${interviewId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson", cookie },
    body: JSON.stringify({ id: randomUUID(), content }),
    signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
  });
  if (response.status !== 200 || !response.body) {
    return { startedAt, ms: null, failure: `${response.status} ${await response.text()}`.slice(0, 200), rest: null };
  }
  const events = readNdjsonEvents(response.body);
  for await (const event of events) {
    if (event.type === "error") return { startedAt, ms: null, failure: `stream error ${event.error.code}`, rest: null };
    if (event.type === "view") {
      const ms = performance.now() - startedAt;
      // Drain the check cards without holding up the next message; errors there are not A's turn time.
      const rest = (async () => {
        for await (const _ of events);
      })().catch(() => undefined);
      return { startedAt, ms, failure: null, rest };
    }
  }
  return { startedAt, ms: null, failure: "stream ended without a view", rest: null };
}

/** Sends `count` messages one after another with `pauseMs` between a view and the next send. */
export async function sendTurns(
  server: Server,
  cookie: string,
  options: { count: number; pauseMs: number; scenario: number; onTurn?: (done: number) => void },
): Promise<TurnTimes> {
  const result: TurnTimes = { times: [], startedAt: [], failures: [] };
  const rests: Array<Promise<unknown>> = [];
  let interviewId = "";
  for (let i = 0; i < options.count; i++) {
    if (i % PER_INTERVIEW === 0) interviewId = await startInterview(server, cookie, options.scenario + i);
    const send = () =>
      turn(server, cookie, interviewId, CYCLE[i % CYCLE.length] as string).catch((error: Error) => ({
        startedAt: 0,
        ms: null,
        failure: `request failed: ${error.name}`,
        rest: null,
      }));
    let outcome = await send();
    // Ended early all the same (the interviewer decides): a new interview, and the message again.
    if (outcome.failure?.includes("conflict:interview")) {
      interviewId = await startInterview(server, cookie, options.scenario + i);
      outcome = await send();
    }
    if (outcome.rest) rests.push(outcome.rest);
    if (outcome.ms === null) result.failures.push(outcome.failure ?? "failed");
    else {
      result.times.push(outcome.ms);
      result.startedAt.push(outcome.startedAt);
    }
    options.onTurn?.(i + 1);
    await sleep(options.pauseMs);
  }
  await Promise.all(rests);
  return result;
}
