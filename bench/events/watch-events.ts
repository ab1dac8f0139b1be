/**
 * The other server of `npm run bench:events`: its own connection pool and event bus on the same
 * Postgres database, watching one interview through the production SSE writer and reader. It
 * prints `ready` once listening, then one line `<seq> <epoch ms>` per event as it arrives, and
 * stops on its own after `--max-ms` or when its parent goes away.
 */
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { streamResponse } from "@/lib/http/stream-response";
import { readSseEvents } from "@/lib/streams/read-stream";
import { createInterviewEventBus } from "@/services/events/interview-event-bus";
import { now } from "./clock";

const { values } = parseArgs({
  options: { url: { type: "string" }, interview: { type: "string" }, "max-ms": { type: "string" } },
});
if (!values.url || !values.interview) {
  console.error("usage: watch-events.ts --url URL --interview ID [--max-ms N]");
  process.exit(2);
}

const database = await openDatabase({ kind: "postgres", url: values.url });
const bus = createInterviewEventBus(database);
const stop = new AbortController();
const timer = setTimeout(() => stop.abort(), Number(values["max-ms"] ?? 600_000));
process.stdin.on("end", () => stop.abort());
process.stdin.resume();

const interviewId = values.interview;
const response = await streamResponse(
  new Request("http://127.0.0.1/events", { signal: stop.signal }),
  "sse",
  async (w) => {
    const events = bus.watch(interviewId, 0, w.signal);
    // The watch listens before it reads: once its first read is under way, no notification is missed.
    process.stdout.write("ready\n");
    for await (const { seq, event } of events) w.send(event, seq);
  },
);
try {
  for await (const { id } of readSseEvents(response.body as NonNullable<Response["body"]>)) {
    process.stdout.write(`${id} ${now()}\n`);
  }
} catch (error) {
  if (!stop.signal.aborted) throw error;
} finally {
  clearTimeout(timer);
  await bus.close();
  await database.close();
}
