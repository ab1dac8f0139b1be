import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Rule } from "@/e2e/fixtures/fake-llm-server";
import { mulberry32 } from "@/lib/pipelines/random";
import { SCRATCH_PREFIX } from "@/lib/pipelines/scratch";
import { readNdjsonEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import { kill, type Server } from "./app-servers";
import type { Query, Store } from "./db-integrity";
import { deadline } from "./sse-watch";

/**
 * Pieces of the crash suite (crashes.servers.test.ts): a seeded random generator, so a failing
 * run can be replayed from its printed seed, and requests that SIGKILL the server at a chosen
 * moment of their own answer and report what had arrived by then.
 */

/** A seeded generator of numbers in [0, 1) (the pipelines' mulberry32), so a run replays from its seed. */
export const seededRandom = mulberry32;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a request killed in its stream received: its status, and the events' types in order. */
export interface KilledStream {
  status: number;
  /** The server was killed while the request was still open (not after it had finished). */
  killed: boolean;
  types: StreamEvent["type"][];
  /** How many events had arrived when the kill was sent. */
  beforeKill: number;
}

/**
 * POSTs `body` to `route` asking for NDJSON and SIGKILLs `server` as soon as the response's
 * headers arrive ("headers") or an event satisfies `killAt`; then reads whatever else the dead
 * connection still yields, so an event that was already on its way counts against the kill.
 */
export async function killDuringStream(
  server: Server,
  route: string,
  cookie: string,
  body: unknown,
  killAt: "headers" | ((event: StreamEvent) => boolean),
): Promise<KilledStream> {
  const response = await fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson", cookie },
    body: JSON.stringify(body),
  });
  const result: KilledStream = { status: response.status, killed: false, types: [], beforeKill: 0 };
  const killNow = async () => {
    result.killed = server.child.exitCode === null;
    result.beforeKill = result.types.length;
    await kill(server);
  };
  if (killAt === "headers") await killNow();
  try {
    for await (const event of readNdjsonEvents(response.body as NonNullable<Response["body"]>)) {
      result.types.push(event.type);
      if (killAt !== "headers" && !result.killed && killAt(event)) await killNow();
    }
  } catch {
    // The connection died with the server: what arrived is in `types`.
  }
  return result;
}

/** Starts a JSON POST and tells whether its answer had arrived; `settled` never rejects. */
export function startPost(
  server: Server,
  route: string,
  cookie: string,
  body: unknown,
): { answered: () => boolean; answeredAt: () => number | null; settled: Promise<number | null> } {
  let answeredAt: number | null = null;
  const settled = fetch(`${server.url}${route}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  }).then(
    async (response) => {
      answeredAt = Date.now();
      await response.text().catch(() => "");
      return response.status;
    },
    () => null,
  );
  return { answered: () => answeredAt !== null, answeredAt: () => answeredAt, settled };
}

/**
 * A fake model's answers for an interview: the understander echoes the candidate, the judge
 * credits nothing, the interviewer opens with a fixed welcome and then asks `question`.
 */
export function interviewerRules(question: string): Rule[] {
  return [
    {
      when: "sentence by sentence",
      reply: (prompt) => {
        const text = /<candidate>\n([\s\S]*?)\n<\/candidate>/.exec(prompt)?.[1] ?? "";
        return JSON.stringify({ acts: [{ kind: "answer", sentence: text }], quantities: [] });
      },
    },
    { when: "Target level", reply: '{"items": []}' },
    { when: "Move: open", reply: "Welcome. Design the homepage recommender; what should it optimise for?" },
    { when: "Move:", reply: question },
  ];
}

/** The crash suite's fake model: the interviewer asks one question (25 words). */
export const INTERVIEWER_RULES: Rule[] = interviewerRules(
  "You mentioned watch time as the goal; how many requests per second do you expect at peak, and how did you get that figure?",
);

/** An import body of at least `minTurns` turns (a scored bench transcript repeated): one transaction writes them all. */
export function largeImport(minTurns: number): { body: unknown; turns: unknown[] } {
  const file = path.join(import.meta.dirname, "../../bench/scoring/fraud-detection-strong.json");
  const once = (JSON.parse(readFileSync(file, "utf8")) as { turns: unknown[] }).turns;
  const turns = Array.from({ length: Math.ceil(minTurns / once.length) }, () => once).flat();
  const transcript = { scenarioId: "fraud-detection", level: "senior", turns };
  return { body: { scenarioId: "fraud-detection", level: "senior", text: JSON.stringify(transcript) }, turns };
}

/**
 * Resolves once another connection to the database is inside a transaction inserting into
 * `table` (or once `done` says the request finished first): the moment a kill lands mid-write.
 */
export async function waitForOpenInsert(store: Store, table: string, done: () => boolean): Promise<void> {
  const writing = async () => {
    const [row] = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
         AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query ILIKE $1`,
      [`insert into "${table}"%`],
    );
    return (row?.n ?? 0) > 0;
  };
  const poll = async () => {
    while (!done() && !(await writing())) await sleep(2);
  };
  await deadline(poll(), 120_000, `an insert into ${table}`);
}

/** What the crash suite compares across kills: runs' statuses, each import's message count, every message id, live interviews. */
export async function readStored(query: Query) {
  const runs = await query<{ id: string; status: string }>("SELECT id, status FROM pipeline_runs");
  const imports = await query<{ id: string; n: number }>(
    `SELECT i.id, count(m.id)::int AS n FROM interviews i LEFT JOIN messages m ON m.interview_id = i.id
      WHERE i.source = 'import' GROUP BY i.id`,
  );
  const messages = await query<{ id: string }>("SELECT id FROM messages");
  const live = await query<{ id: string }>("SELECT id FROM interviews WHERE source = 'live'");
  return {
    runs: new Map(runs.map((run) => [run.id, run.status])),
    imports: new Map(imports.map((row) => [row.id, row.n])),
    messageIds: new Set(messages.map((row) => row.id)),
    liveInterviews: live.map((row) => row.id),
  };
}

/**
 * The pipeline scratch directories (lib/pipelines/scratch.ts) a server process left in the
 * temporary directory, and how many saved ANN indexes they hold (at the top, from Lab runs, or
 * in the check worker's directory).
 */
export function scratchLeftBy(pid: number): { dirs: string[]; annIndexes: number } {
  const dirs = readdirSync(tmpdir())
    .filter((name) => name.startsWith(`${SCRATCH_PREFIX}${pid}-`))
    .map((name) => path.join(tmpdir(), name));
  const inside = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" });
  const annIndexes = dirs.flatMap((dir) => inside(dir).filter((entry) => /(^|[/\\])probe-ann-[^/\\]+$/.test(entry)));
  return { dirs, annIndexes: annIndexes.length };
}

/** Resolves once the scratch of every process in `pids` is gone, or fails naming what is left after `timeoutMs`. */
export async function scratchSwept(pids: number[], timeoutMs = 10_000): Promise<string[]> {
  const since = Date.now();
  let left = pids.flatMap((pid) => scratchLeftBy(pid).dirs);
  while (left.length > 0 && Date.now() - since < timeoutMs) {
    await sleep(100);
    left = pids.flatMap((pid) => scratchLeftBy(pid).dirs);
  }
  return left;
}
