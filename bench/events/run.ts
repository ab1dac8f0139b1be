/**
 * `npm run bench:events [-- --events N] [--database pglite|postgres|both]`: the time from an
 * interviewer's reply being stored on one server to its event arriving at a watcher on another,
 * through the production path: the message row is saved and the event published (as reconcile
 * does), the watcher's bus reads it after NOTIFY, reads the message back from the table, and it
 * goes through the SSE writer and reader. On PGlite both ends are in this process (PGlite cannot
 * be shared); on Postgres the watcher is a second process with its own pool and LISTEN
 * connection, as a second app server is, and then, when the app is built, the whole path: turns
 * through one `next start`, the watcher connected by SSE to another. Prints a table, then one JSON line.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Database } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createInterview } from "@/db/queries/interviews";
import { saveMessage } from "@/db/queries/messages";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { streamResponse } from "@/lib/http/stream-response";
import { readSseEvents } from "@/lib/streams/read-stream";
import { createInterviewEventBus, type InterviewEventBus } from "@/services/events/interview-event-bus";
import {
  type BenchDatabaseKind,
  DATABASE_ARG,
  DATABASE_USAGE,
  describeDatabase,
  selectBenchDatabases,
  withBenchDatabase,
} from "../bench-databases";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import { now } from "./clock";
import { measureTwoServers } from "./two-servers";

const USAGE = `usage: npm run bench:events -- [--events N] ${DATABASE_USAGE}`;
const eventsSchema = z.coerce.number().int().min(1).max(100_000);
/** An event not seen this long after it was stored counts as lost. */
const LOST_AFTER_MS = 5_000;
const REPLY =
  "Good. You said 50,000 requests per second at peak; how much of the 200 ms budget does candidate retrieval get?";

interface Arrivals {
  /** Resolves with the arrival time of `seq`, or null when it does not come within LOST_AFTER_MS. */
  waitFor(seq: number): Promise<number | null>;
  doubled(): number;
  stop(): Promise<void>;
}

/** Records arrivals by sequence number; a number seen twice is counted as doubled. */
function arrivalLog() {
  const seen = new Map<number, number>();
  const waiting = new Map<number, (at: number) => void>();
  let doubled = 0;
  return {
    arrive(seq: number, at: number) {
      if (seen.has(seq)) doubled += 1;
      else seen.set(seq, at);
      waiting.get(seq)?.(at);
      waiting.delete(seq);
    },
    waitFor(seq: number): Promise<number | null> {
      const at = seen.get(seq);
      if (at !== undefined) return Promise.resolve(at);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(seq);
          resolve(null);
        }, LOST_AFTER_MS);
        waiting.set(seq, (arrived) => {
          clearTimeout(timer);
          resolve(arrived);
        });
      });
    },
    doubled: () => doubled,
  };
}

/**
 * A watcher in this process on the publisher's bus (one bus per database per process, as in the
 * app), through the SSE writer and reader the route and a browser use.
 */
function watchInProcess(bus: InterviewEventBus, interviewId: string): Arrivals {
  const log = arrivalLog();
  const stop = new AbortController();
  const reading = (async () => {
    const response = await streamResponse(
      new Request("http://127.0.0.1/events", { signal: stop.signal }),
      "sse",
      async (w) => {
        for await (const { seq, event } of bus.watch(interviewId, 0, w.signal)) w.send(event, seq);
      },
    );
    try {
      for await (const { id } of readSseEvents(response.body as NonNullable<Response["body"]>)) {
        if (id !== null) log.arrive(id, now());
      }
    } catch (error) {
      if (!stop.signal.aborted) throw error;
    }
  })();
  return {
    waitFor: log.waitFor,
    doubled: log.doubled,
    async stop() {
      stop.abort();
      await reading;
    },
  };
}

/** A watcher in another process on the same Postgres database: the second server. */
async function watchInOtherProcess(url: string, interviewId: string): Promise<Arrivals> {
  const log = arrivalLog();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "bench/events/watch-events.ts", "--url", url, "--interview", interviewId],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess["stdout"]> });
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the watcher process exited with ${code} before it was ready`)));
    lines.on("line", (line) => {
      if (line === "ready") return resolve();
      const [seq, at] = line.split(" ").map(Number);
      if (seq !== undefined && at !== undefined) log.arrive(seq, at);
    });
  });
  await ready;
  return {
    waitFor: log.waitFor,
    doubled: log.doubled,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin?.end();
      await exited;
    },
  };
}

interface Result {
  database: BenchDatabaseKind;
  server: string;
  watcher: string;
  events: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  lost: number;
  doubled: number;
}

async function measure(kind: BenchDatabaseKind, serverUrl: string | null, events: number): Promise<Result> {
  return withBenchDatabase(kind, serverUrl, async (database) => {
    await runMigrations(database);
    const interview = await createInterview({
      db: database.db,
      values: { scenarioId: "video-recommendation", level: "senior", currentStep: "clarify-requirements" },
    });
    const publisher = createInterviewEventBus(database);
    const watcher =
      kind === "pglite"
        ? watchInProcess(publisher, interview.id)
        : await watchInOtherProcess(await databaseUrl(database), interview.id);
    try {
      // One event first, so that timing starts with both ends connected and warm.
      const warm = await publisher.publish(interview.id, "reset");
      if (warm === null || (await watcher.waitFor(warm)) === null)
        throw new Error("the watcher never saw the first event");
      const latencies: number[] = [];
      let lost = 0;
      for (let i = 0; i < events; i++) {
        const messageId = randomUUID();
        const storedAt = now();
        await saveMessage({
          db: database.db,
          message: {
            id: messageId,
            interviewId: interview.id,
            role: "interviewer",
            step: "clarify-requirements",
            content: REPLY,
          },
        });
        const seq = await publisher.publish(interview.id, "message", { messageId });
        if (seq === null) throw new Error("an event could not be stored");
        const arrivedAt = await watcher.waitFor(seq);
        if (arrivedAt === null) lost += 1;
        else latencies.push(arrivedAt - storedAt);
        if ((i + 1) % 100 === 0) process.stderr.write(`  ${kind}: ${i + 1}/${events} events\n`);
      }
      latencies.sort((a, b) => a - b);
      return {
        database: kind,
        server: await describeDatabase(database),
        watcher: kind === "pglite" ? "same process" : "second process (own pool, LISTEN)",
        events,
        p50Ms: round(quantile(latencies, 0.5), 2),
        p99Ms: round(quantile(latencies, 0.99), 2),
        maxMs: round(latencies.at(-1) ?? 0, 2),
        lost,
        doubled: watcher.doubled(),
      };
    } finally {
      await watcher.stop();
      await publisher.close();
    }
  });
}

/** The whole path: a turn through one `next start`, its reply's event over SSE from the other. */
async function measureThroughServers(serverUrl: string, events: number): Promise<Result> {
  const run = await measureTwoServers(serverUrl, events);
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return {
    database: "postgres",
    server: run.server,
    watcher: "browser-side SSE on a second next start",
    events: run.events,
    p50Ms: round(quantile(sorted, 0.5), 2),
    p99Ms: round(quantile(sorted, 0.99), 2),
    maxMs: round(sorted.at(-1) ?? 0, 2),
    lost: run.lost,
    doubled: run.doubled,
  };
}

/** The connection string of a Postgres handle, for the second process. */
async function databaseUrl(database: Database): Promise<string> {
  const options = database.pool.options as { connectionString?: string };
  if (!options.connectionString) throw new Error("the Postgres handle has no connection string");
  return options.connectionString;
}

async function main(): Promise<void> {
  let values: { events?: string; database?: string };
  try {
    ({ values } = parseArgs({ options: { events: { type: "string" }, ...DATABASE_ARG }, strict: true }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const parsedEvents = eventsSchema.safeParse(values.events ?? 500);
  if (!parsedEvents.success) throw new UsageError(`--events must be a whole number from 1 to 100000.\n${USAGE}`);
  const selection = selectBenchDatabases(values.database);
  if (selection.note) console.error(selection.note);

  const results: Result[] = [];
  for (const kind of selection.kinds) results.push(await measure(kind, selection.serverUrl, parsedEvents.data));
  if (selection.serverUrl && selection.kinds.includes("postgres")) {
    if (existsSync(path.join(".next", "BUILD_ID"))) {
      results.push(await measureThroughServers(selection.serverUrl, parsedEvents.data));
    } else {
      console.error("Two next start servers not measured: run npm run build first.");
    }
  }

  const machine = describeMachine();
  console.log(`bench:events on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log("time from a reply being stored to its event reaching a watcher (target p99 < 100 ms)\n");
  console.log(
    formatTable(
      ["database", "watcher", "events", "p50 ms", "p99 ms", "max ms", "lost", "doubled", "p99 < 100 ms"],
      results.map((r) => [
        r.server,
        r.watcher,
        r.events,
        r.p50Ms,
        r.p99Ms,
        r.maxMs,
        r.lost,
        r.doubled,
        r.p99Ms < 100 && r.lost === 0 && r.doubled === 0 ? "yes" : "NO",
      ]),
    ),
  );
  console.log(JSON.stringify({ machine, targetP99Ms: 100, databases: results }));
}

runCli(main, () => null);
