/** What `npm run bench:rooms` prints: a readable table, then the one JSON line, last. */
import { ROOM_MEMBER_LIMIT } from "@/db/schema";
import { formatTable } from "@/lib/cli/print-table";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import { LOST_AFTER_MS, type RoomRun, type Sample } from "./measure";

export const TARGET_P99_MS = 200;

interface Row {
  what: string;
  messages: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  eachP50Ms: number;
  eachP99Ms: number;
  postingP99Ms: number;
  otherP99Ms: number;
  lost: number;
  doubled: number;
}

const ms = (value: number) => (Number.isFinite(value) ? round(value, 2) : Number.NaN);

function summarise(what: string, samples: Sample[], doubled: number): Row {
  const slowest = samples.flatMap((s) => (s.slowestMs === null ? [] : [s.slowestMs]));
  const p99 = (values: number[]) => ms(quantile(values, 0.99));
  return {
    what,
    messages: samples.length,
    p50Ms: ms(quantile(slowest, 0.5)),
    p99Ms: p99(slowest),
    maxMs: ms(Math.max(...slowest)),
    eachP50Ms: ms(
      quantile(
        samples.flatMap((s) => s.deliveriesMs),
        0.5,
      ),
    ),
    eachP99Ms: p99(samples.flatMap((s) => s.deliveriesMs)),
    postingP99Ms: p99(samples.flatMap((s) => s.postingServerMs)),
    otherP99Ms: p99(samples.flatMap((s) => s.otherServerMs)),
    lost: samples.reduce((sum, s) => sum + s.lost, 0),
    doubled,
  };
}

export function printReport(run: RoomRun, servers: number): void {
  const rows = [
    summarise("candidate's answers", run.answers, run.doubled.answers),
    summarise("AI interviewer's replies", run.replies, run.doubled.replies),
  ];
  const machine = describeMachine();
  console.log(`bench:rooms on ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(
    `a room of ${run.observers} people (a room holds ${ROOM_MEMBER_LIMIT}), every member watching the round over SSE, ` +
      `streams alternating between ${servers} next start servers on one Postgres database; ${run.rounds} round(s)`,
  );
  console.log(
    `time from a message being stored (its row's created_at) to its reaching every member's stream ` +
      `(target p99 < ${TARGET_P99_MS} ms), after ${run.warmUp} answers' warm-up; lost = not at a stream within ${LOST_AFTER_MS / 1000} s\n`,
  );
  const headers = ["messages", "servers", "observers", "sent", "p50 ms (all)", "p99 ms (all)", "max ms"];
  headers.push("p50 ms (each)", "p99 ms (each)", "p99 ms posting / other server", "lost", "doubled");
  headers.push(`p99 < ${TARGET_P99_MS} ms`);
  const cells = (r: Row) => [
    ...[r.what, servers, run.observers, r.messages, r.p50Ms, r.p99Ms, r.maxMs, r.eachP50Ms, r.eachP99Ms],
    ...[`${r.postingP99Ms} / ${r.otherP99Ms}`, r.lost, r.doubled],
    r.p99Ms < TARGET_P99_MS && r.lost === 0 && r.doubled === 0 ? "yes" : "NO",
  ];
  console.log(formatTable(headers, rows.map(cells)));
  console.log(
    '\n"all": the slowest of the streams for each message (the time until everyone has it); "each": every delivery;\n' +
      '"posting / other server": deliveries to streams on the server the answer was sent to / on the other one.',
  );
  if (run.doubled.other > 0) console.log(`Other events that reached a stream twice: ${run.doubled.other}.`);
  const answers = rows[0] as Row;
  const { observers } = run;
  const { messages, p50Ms, p99Ms, lost, doubled } = answers;
  console.log(JSON.stringify({ observers, messages, p50Ms, p99Ms, lost, doubled }));
}
