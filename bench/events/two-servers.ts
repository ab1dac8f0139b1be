import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createServerDatabase } from "@/db/testing/postgres-database";
import { readNdjsonEvents, readSseEvents } from "@/lib/streams/read-stream";
import type { InterviewView } from "@/lib/types";
import {
  BENCH_RATE_LIMITS,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "@/services/testing/app-servers";
import { now } from "./clock";

/** Turns per interview before the next one starts: well before the interviewer would wrap up. */
const TURNS_PER_INTERVIEW = 10;
const ANSWERS = [
  "We optimise long-term watch time rather than clicks, because clicks reward clickbait.",
  "I would log impressions, plays and watch time per session, with the surface and position.",
  "Retrieval then ranking: a two-tower model for candidates, a ranker for the final order.",
  "next",
];

export interface TwoServerResult {
  events: number;
  latencies: number[];
  lost: number;
  doubled: number;
  server: string;
}

/** One interview watched on `watcherUrl`: arrival time of each stored message, by message id. */
function watchInterview(watcherUrl: string, cookie: string, interviewId: string, afterSeq: number, stop: AbortSignal) {
  const arrivals = new Map<string, number>();
  const ids = new Set<number>();
  let doubled = 0;
  const ready = (async () => {
    const response = await fetch(`${watcherUrl}/api/interviews/${interviewId}/events?after=${afterSeq}`, {
      headers: { cookie, accept: "text/event-stream" },
      signal: stop,
    });
    if (response.status !== 200) throw new Error(`the watcher's server answered ${response.status}`);
    return response.body as NonNullable<Response["body"]>;
  })();
  const reading = ready.then(async (body) => {
    try {
      for await (const { id, event } of readSseEvents(body)) {
        const at = now();
        if (id !== null) {
          if (ids.has(id)) doubled += 1;
          ids.add(id);
        }
        if (event.type === "message" && event.turn.role === "interviewer" && !arrivals.has(event.turn.id)) {
          arrivals.set(event.turn.id, at);
        }
      }
    } catch (error) {
      if (!stop.aborted) throw error;
    }
  });
  return { arrivals, ready, reading, doubled: () => doubled };
}

async function sendTurn(url: string, cookie: string, interviewId: string, content: string): Promise<InterviewView> {
  const response = await fetch(`${url}/api/interviews/${interviewId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson", cookie },
    body: JSON.stringify({ id: randomUUID(), content }),
  });
  if (response.status !== 200) throw new Error(`a message got ${response.status}: ${await response.text()}`);
  let view: InterviewView | null = null;
  for await (const event of readNdjsonEvents(response.body as NonNullable<Response["body"]>)) {
    if (event.type === "error") throw new Error(event.error.message);
    if (event.type === "view") view = event.view;
  }
  if (!view) throw new Error("the reply stream ended without the interview");
  return view;
}

/**
 * Two `next start` processes of the built app on a fresh database on `serverUrl`: turns go
 * through the first, a watcher is connected to the other by server-sent events. A reply's
 * stored time is its row's `created_at` (Postgres's clock, the same machine's as this one's),
 * read at the end; its arrival is when the watcher's event reached this process.
 */
export async function measureTwoServers(serverUrl: string, events: number): Promise<TwoServerResult> {
  const database = await createServerDatabase(serverUrl);
  const dataDir = mkdtempSync(path.join(tmpdir(), "probe-bench-events-"));
  const servers: Server[] = [];
  try {
    // 500 replies to one identity in a few minutes: far beyond a person's rate limit, still counted.
    const env = {
      DATABASE_URL: database.url,
      PROBE_SECRET: randomBytes(24).toString("hex"),
      PROBE_DATA_DIR: dataDir,
      ...BENCH_RATE_LIMITS,
    };
    for (const port of [await freePort(), await freePort()]) servers.push(spawnServer(port, env));
    await Promise.all(servers.map((server) => waitForHealth(server, 120_000)));
    const [writer, watcher] = servers as [Server, Server];
    const cookie = ((await fetch(`${writer.url}/api/health`)).headers.get("set-cookie") ?? "").split(";")[0] ?? "";

    const replies: string[] = [];
    let doubled = 0;
    const arrivals = new Map<string, number>();
    for (let done = 0; done < events; ) {
      const started = await fetch(`${writer.url}/api/interviews`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ scenarioId: "video-recommendation", level: "senior" }),
      });
      if (started.status !== 201) throw new Error(`starting an interview got ${started.status}`);
      const view = (await started.json()) as InterviewView;
      const stop = new AbortController();
      const watch = watchInterview(watcher.url, cookie, view.id, view.eventSeq, stop.signal);
      await watch.ready;
      for (let turn = 0; turn < TURNS_PER_INTERVIEW && done < events; turn++, done++) {
        const after = await sendTurn(writer.url, cookie, view.id, ANSWERS[turn % ANSWERS.length] ?? "next");
        const reply = after.turns.findLast((t) => t.role === "interviewer");
        if (reply) replies.push(reply.id);
        if ((done + 1) % 100 === 0) process.stderr.write(`  postgres, two servers: ${done + 1}/${events} replies\n`);
      }
      // Give the last reply's event time to arrive before this interview's watch is closed.
      const last = replies.at(-1);
      for (let waited = 0; last && !watch.arrivals.has(last) && waited < 5_000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      stop.abort();
      await watch.reading;
      for (const [id, at] of watch.arrivals) arrivals.set(id, at);
      doubled += watch.doubled();
    }

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query<{ id: string; ms: string }>(
      "SELECT id, extract(epoch FROM created_at) * 1000 AS ms FROM messages WHERE id = ANY($1)",
      [replies],
    );
    const version = await client.query<{ v: string }>(
      "SELECT split_part(current_setting('server_version'), ' ', 1) AS v",
    );
    await client.end();
    const storedAt = new Map(rows.map((row) => [row.id, Number(row.ms)]));
    const latencies: number[] = [];
    let lost = 0;
    for (const id of replies) {
      const arrived = arrivals.get(id);
      const stored = storedAt.get(id);
      if (arrived === undefined || stored === undefined) lost += 1;
      else latencies.push(arrived - stored);
    }
    return { events: replies.length, latencies, lost, doubled, server: `PostgreSQL ${version.rows[0]?.v ?? "?"}` };
  } finally {
    await Promise.all(servers.map(kill));
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
