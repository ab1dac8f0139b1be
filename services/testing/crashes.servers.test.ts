import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeLlmServer, startFakeLlmServer } from "@/e2e/fixtures/fake-llm-server";
import { STEP_IDS } from "@/lib/framework";
import type { InterviewView } from "@/lib/types";
import {
  BENCH_RATE_LIMITS,
  createFreshDatabase,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "./app-servers";
import {
  INTERVIEWER_RULES,
  killDuringStream,
  largeImport,
  readStored,
  scratchLeftBy,
  scratchSwept,
  seededRandom,
  sleep,
  startPost,
  waitForOpenInsert,
} from "./crash-harness";
import { integrityProblems, openPgliteCopy, openPostgres, type Store } from "./db-integrity";
import { callJson } from "./sse-watch";

/**
 * The crash suite: the built app (`npm run build` first) on the embedded database (always) and
 * on a real Postgres (with PROBE_TEST_DATABASE_URL), SIGKILLed at seeded random points in the
 * middle of operations: a streamed reply after its first word, a message's answer right after
 * its headers, an interview being created, a large import being written, a pipeline run after
 * its first progress event. Each kill counts only when the harness saw it land mid-operation.
 * After every kill the database passes the integrity checks (db-integrity.ts); after every
 * restart each interview reads back with every acknowledged message exactly once, one reply
 * per message and a step that agrees with its transcript, an unacknowledged message re-sent
 * with its id is stored once, a pipeline run the kill cut off is marked failed, and the killed
 * server's pipeline scratch directory (with its saved index, when killed mid-sweep) is removed.
 */
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1e9));
const KILLS = 10;
const MAX_ATTEMPTS = 16;
const adminUrl = process.env.PROBE_TEST_DATABASE_URL;
console.info(`crashes.servers.test.ts: seed ${SEED} (CRASH_SEED=${SEED} replays it)`);
if (!adminUrl) console.info("crashes.servers.test.ts: the Postgres half is skipped, PROBE_TEST_DATABASE_URL is unset");

const ANSWERS = [
  "We optimise long-term watch time, not clicks.",
  "About 50,000 requests per second at peak, from 200M daily users.",
  "I would log impressions, clicks and watch time per session.",
  "next",
];
const KINDS = ["mid-stream", "after-headers", "creating", "importing", "mid-pipeline"] as const;
type Kind = (typeof KINDS)[number];
const WEIGHTED: Kind[] = ["mid-stream", "mid-stream", "after-headers", "after-headers", "creating", ...KINDS];

const { body: IMPORT_BODY, turns: IMPORT_TURNS } = largeImport(150);

interface Backend {
  name: "pglite" | "postgres";
  env: Record<string, string>;
  /** The database as the killed server left it (the server must be dead for PGlite). */
  open: () => Promise<Store>;
  /** A connection usable while the server runs (Postgres only). */
  live?: Store;
  cleanup: () => Promise<void>;
}

let llm: FakeLlmServer;
beforeAll(async () => {
  llm = await startFakeLlmServer(INTERVIEWER_RULES, { wordDelayMs: 40 });
});
afterAll(async () => {
  await llm?.close();
});

describe("crashes on the embedded database (PGlite)", () => {
  it("loses nothing and doubles nothing across SIGKILLs mid-operation", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "probe-crashes-"));
    await runCrashes({
      name: "pglite",
      env: { PROBE_DATA_DIR: dataDir },
      open: () => openPgliteCopy(path.join(dataDir, "pglite")),
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    });
  }, 600_000);
});

describe.skipIf(!adminUrl)("crashes on a real Postgres", () => {
  it("loses nothing and doubles nothing across SIGKILLs mid-operation", async () => {
    const database = await createFreshDatabase(adminUrl as string);
    const dataDir = mkdtempSync(path.join(tmpdir(), "probe-crashes-pg-"));
    const live = await openPostgres(database.url);
    await runCrashes({
      name: "postgres",
      // A short stale window, so the restarted server fails the cut-off run within seconds.
      env: { DATABASE_URL: database.url, PROBE_DATA_DIR: dataDir, PIPELINE_STALE_SECONDS: "3" },
      open: () => openPostgres(database.url),
      live,
      cleanup: async () => {
        await live.close();
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    });
  }, 600_000);
});

interface Known {
  turnIds: string[];
  step: number;
  active: boolean;
}

async function runCrashes(backend: Backend): Promise<void> {
  const rng = seededRandom(SEED + (backend.name === "postgres" ? 1 : 0));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
  const secret = randomBytes(24).toString("hex");
  const interviews = new Map<string, Known>();
  const sent = new Map<string, { interviewId: string; content: string; acked: boolean }>();
  const landed = new Map<Kind, number>();
  let orphans: string[] = [];
  /** Killed servers, whose pipeline scratch directories the next start must remove. */
  let scratchOwners: number[] = [];
  let importMs: number | undefined;
  let server: Server | undefined;
  let cookie = "";
  let context = "";
  const started = Date.now();

  const start = async (withModel: boolean) => {
    const model: Record<string, string> = withModel ? { OPENAI_BASE_URL: llm.url, LLM_MODEL: "fake-interviewer" } : {};
    // One identity plays every operation of the run, beyond a person's rate limits.
    server = spawnServer(await freePort(), { ...backend.env, PROBE_SECRET: secret, ...BENCH_RATE_LIMITS, ...model });
    await waitForHealth(server, 180_000);
    if (!cookie) {
      const response = await fetch(`${server.url}/api/health`);
      cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    }
    return server;
  };

  /** One interview read back (GET reconciles): messages once, one reply each, the step its transcript implies. */
  const checkView = (view: InterviewView, known: Known) => {
    const ids = view.turns.map((turn) => turn.id);
    expect(new Set(ids).size, `${context}: a turn is doubled in ${view.id}`).toBe(ids.length);
    expect(ids.slice(0, known.turnIds.length), `${context}: turns lost from ${view.id}`).toEqual(known.turnIds);
    for (const [id, message] of sent) {
      if (message.interviewId !== view.id) continue;
      const count = ids.filter((turnId) => turnId === id).length;
      expect(count, `${context}: message ${id} (acknowledged: ${message.acked})`).toBe(message.acked ? 1 : count && 1);
    }
    const roles = view.turns.map((turn) => (turn.role === "candidate" ? "c" : "i")).join("");
    expect(roles, `${context}: replies of ${view.id}`).toMatch(/^i+(ci)*$/);
    const lastStep = view.turns.findLast((turn) => turn.role === "interviewer")?.step;
    if (lastStep) expect(view.currentStep, `${context}: step of ${view.id}`).toBe(lastStep);
    const step = STEP_IDS.indexOf(view.currentStep);
    expect(step, `${context}: ${view.id} went back a step`).toBeGreaterThanOrEqual(known.step);
    interviews.set(view.id, { turnIds: ids, step, active: view.status === "active" });
  };

  const verifyAfterRestart = async (live: Server) => {
    expect(await scratchSwept(scratchOwners), `${context}: scratch of killed servers`).toEqual([]);
    scratchOwners = [];
    for (const [id, known] of interviews) {
      const read = await callJson<InterviewView>(live, cookie, "GET", `/api/interviews/${id}`);
      expect(read.status, `${context}: GET ${id}`).toBe(200);
      checkView(read.json, known);
      for (const [messageId, message] of sent) {
        if (message.interviewId !== id || message.acked) continue;
        const again = await callJson<InterviewView>(live, cookie, "POST", `/api/interviews/${id}/messages`, {
          id: messageId,
          content: message.content,
        });
        expect(again.status, `${context}: re-sending ${messageId}`).toBe(200);
        message.acked = true;
        checkView(again.json, interviews.get(id) as Known);
      }
    }
    if (backend.live && orphans.length > 0) {
      // The restarted server's sweep (at start, then every heartbeat) fails the cut-off run.
      const failed = async () => {
        const rows = await backend.live?.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pipeline_runs WHERE id = ANY($1) AND status = 'failed'",
          [orphans],
        );
        return rows?.[0]?.n === orphans.length;
      };
      const since = Date.now();
      while (!(await failed())) {
        expect(Date.now() - since, `${context}: runs ${orphans} are still running`).toBeLessThan(20_000);
        await sleep(250);
      }
    }
  };

  const activeInterview = async (live: Server): Promise<string> => {
    const open = [...interviews].filter(([, known]) => known.active).map(([id]) => id);
    if (open.length > 0 && rng() < 0.8) return pick(open);
    const created = await callJson<InterviewView>(live, cookie, "POST", "/api/interviews", {
      scenarioId: pick(["video-recommendation", "news-feed"]),
      level: "senior",
    });
    expect(created.status, `${context}: creating an interview`).toBe(201);
    interviews.set(created.json.id, { turnIds: [], step: 0, active: true });
    checkView(created.json, { turnIds: [], step: 0, active: true });
    return created.json.id;
  };

  /** A turn the server finishes and acknowledges: transcripts grow, and "next" moves the step on. */
  const sendWhole = async (live: Server) => {
    const interviewId = await activeInterview(live);
    const id = randomUUID();
    const content = pick(ANSWERS);
    sent.set(id, { interviewId, content, acked: false });
    const answer = await callJson<InterviewView>(live, cookie, "POST", `/api/interviews/${interviewId}/messages`, {
      id,
      content,
    });
    expect(answer.status, `${context}: a whole turn`).toBe(200);
    (sent.get(id) as { acked: boolean }).acked = true;
    checkView(answer.json, interviews.get(interviewId) as Known);
  };

  const sendAndKill = async (live: Server, killAt: "headers" | "token") => {
    const interviewId = await activeInterview(live);
    const id = randomUUID();
    const content = pick(ANSWERS);
    sent.set(id, { interviewId, content, acked: false });
    const at = killAt === "headers" ? "headers" : (event: { type: string }) => event.type === "token";
    const result = await killDuringStream(live, `/api/interviews/${interviewId}/messages`, cookie, { id, content }, at);
    const viewed = result.types.includes("view");
    if (viewed) (sent.get(id) as { acked: boolean }).acked = true;
    const tokens = result.types.slice(0, result.beforeKill).filter((type) => type === "token").length;
    const ok = result.status === 200 && result.killed && !viewed && (killAt === "headers" || tokens > 0);
    return { ok, evidence: `status ${result.status}, ${tokens} token events before the kill, view: ${viewed}` };
  };

  const operations: Record<Kind, (live: Server) => Promise<{ ok: boolean; evidence: string }>> = {
    "mid-stream": (live) => sendAndKill(live, "token"),
    "after-headers": (live) => sendAndKill(live, "headers"),
    creating: async (live) => {
      const delay = Math.floor(rng() * 51);
      const post = startPost(live, "/api/interviews", cookie, { scenarioId: "news-feed", level: "senior" });
      await sleep(delay);
      const answered = post.answered();
      await kill(live);
      return {
        ok: !answered && (await post.settled) === null,
        evidence: `answered ${delay} ms after the POST: ${answered}`,
      };
    },
    importing: async (live) => {
      if (!backend.live && importMs === undefined) {
        // PGlite cannot be watched from outside: time one whole import, then kill late in the next.
        const since = Date.now();
        expect((await callJson(live, cookie, "POST", "/api/imports", IMPORT_BODY)).status).toBe(201);
        importMs = Date.now() - since;
      }
      const post = startPost(live, "/api/imports", cookie, IMPORT_BODY);
      const since = Date.now();
      let evidence: string;
      if (backend.live) {
        await waitForOpenInsert(backend.live, "messages", post.answered);
        evidence = `an insert into messages in an open transaction ${Date.now() - since} ms in`;
      } else {
        const at = Math.round((importMs as number) * (0.5 + 0.4 * rng()));
        await sleep(at);
        evidence = `${at} ms into an import that took ${importMs} ms whole`;
      }
      const answered = post.answered();
      await kill(live);
      // Answered before the kill: the next import is killed earlier.
      if (answered) importMs = (post.answeredAt() as number) - since;
      return { ok: !answered, evidence: `${evidence}, answered: ${answered}` };
    },
    "mid-pipeline": async (live) => {
      const result = await killDuringStream(
        live,
        "/api/pipelines/ann",
        cookie,
        // A long sweep: the kill lands while the saved index is on disk.
        { n: 60_000, queries: 300, efSweep: [16, 64, 256, 512, 512] },
        (event) => event.type === "progress" && event.message.startsWith("Sweeping"),
      );
      const ok = result.killed && result.beforeKill > 0 && !result.types.includes("result");
      const left = scratchLeftBy(live.child.pid as number);
      if (ok) expect(left.dirs.length, `${context}: the killed server's scratch directory`).toBeGreaterThan(0);
      const evidence = `${result.beforeKill} progress events, result: ${result.types.includes("result")}`;
      return { ok, evidence: `${evidence}, ${left.dirs.length} scratch dirs with ${left.annIndexes} ANN indexes left` };
    },
  };

  /** With the server dead: the database's integrity, the runs, the imports and the acknowledged messages. */
  const checkStored = async (pipelineCut: boolean) => {
    const store = await backend.open();
    try {
      expect(await integrityProblems(store.query), `${context}: integrity`).toEqual([]);
      const stored = await readStored(store.query);
      for (const id of orphans) expect(stored.runs.get(id), `${context}: the run ${id} cut off before`).toBe("failed");
      const running = [...stored.runs].filter(([, status]) => status === "running").map(([id]) => id);
      if (pipelineCut) expect(running.length, `${context}: the cut-off run is recorded running`).toBe(1);
      orphans = running;
      for (const [id, n] of stored.imports) expect(n, `${context}: import ${id} is partial`).toBe(IMPORT_TURNS.length);
      for (const [id, message] of sent) {
        if (message.acked) expect(stored.messageIds.has(id), `${context}: ${id} lost`).toBe(true);
      }
      for (const id of stored.liveInterviews) {
        if (!interviews.has(id)) interviews.set(id, { turnIds: [], step: 0, active: true });
      }
    } finally {
      await store.close();
    }
  };

  const schedule = [...KINDS].sort(() => rng() - 0.5);
  let kills = 0;
  try {
    for (let attempt = 0; kills < KILLS; attempt++) {
      expect(attempt, `${backend.name}: only ${kills} kills landed mid-operation`).toBeLessThan(MAX_ATTEMPTS);
      const kind = schedule[attempt] ?? KINDS.find((k) => !landed.has(k)) ?? pick(WEIGHTED);
      const withModel = kind === "mid-stream" || rng() < 0.5;
      const times = [Date.now()];
      const live = await start(withModel);
      times.push(Date.now());
      context = `${backend.name}, seed ${SEED}, before kill ${attempt + 1} (${kind})`;
      await verifyAfterRestart(live);
      if (rng() < 0.5) await sendWhole(live);
      times.push(Date.now());
      context = `${backend.name}, seed ${SEED}, after kill ${attempt + 1} (${kind})`;
      const { ok, evidence } = await operations[kind](live);
      await kill(live);
      scratchOwners.push(live.child.pid as number);
      times.push(Date.now());
      if (ok) landed.set(kind, (landed.get(kind) ?? 0) + 1);
      kills += ok ? 1 : 0;
      await checkStored(ok && kind === "mid-pipeline");
      times.push(Date.now());
      const spent = times.slice(1).map((at, i) => at - (times[i] as number));
      console.info(
        `[${backend.name}] kill ${attempt + 1} ${kind} (${withModel ? "model" : "offline"}): ${ok ? "mid-operation" : "did NOT land"}; ${evidence} [start, verify, operation, check: ${spent.join(", ")} ms]`,
      );
    }
    context = `${backend.name}, seed ${SEED}, after the last kill`;
    await verifyAfterRestart(await start(false));
    await kill(server as Server);
    await checkStored(false);
    for (const kind of KINDS)
      expect(landed.get(kind) ?? 0, `${backend.name}: no ${kind} kill landed`).toBeGreaterThan(0);
    console.info(
      `[${backend.name}] ${kills} kills mid-operation, ${interviews.size} interviews at steps ${[...interviews.values()].map((known) => known.step)}, ${sent.size} messages, ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } catch (error) {
    console.error(`[${backend.name}] server stderr:\n${server?.stderr().slice(-4000)}`);
    throw error;
  } finally {
    if (server) await kill(server);
    await backend.cleanup();
  }
}
