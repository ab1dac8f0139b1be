/**
 * `npm run bench:turn`: server-side time per interview turn (store the message, run the graph,
 * checkpoint, store the reply) on the embedded database, p50 and p95 over 200 turns, offline and
 * with a model on a fake OpenAI-compatible server that answers at once (so model time is ~0).
 * Prints a table, then JSON.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { InterviewerDependencies } from "@/agents/interviewer/dependencies";
import { createModelPhraser } from "@/agents/interviewer/model-phraser";
import { dependenciesFor, getInterviewerGraph } from "@/agents/interviewer/runtime";
import { sendCandidateMessage, startInterview } from "@/agents/interviewer/session";
import { type Database, openDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { startFakeLlmServer } from "@/e2e/fixtures/fake-llm-server";
import { formatTable } from "@/lib/cli/print-table";
import { SCENARIO_IDS } from "@/lib/framework";
import { createLlmClient } from "@/lib/llm/client";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { createLlmJudge } from "@/lib/scoring/llm-judge";
import { seedLibrary } from "@/lib/seed/seed-library";
import { getEmbedder } from "@/lib/server/embedder";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";

const TURNS = 200;
const ANSWERS = [
  "We optimise long-term value rather than clicks, because clicks reward bait; peak is about 50k requests a second.",
  "I would split retrieval from ranking since scoring every item within 200 ms is impossible.",
  "Labels come from logged impressions; I'd downsample negatives and recalibrate because positives are 1%.",
  "What is the latency budget?",
  "next",
];

async function measure(database: Database): Promise<number[]> {
  const times: number[] = [];
  let view = await startInterview(database, { scenarioId: SCENARIO_IDS[0], level: "senior" });
  for (let i = 0; i < TURNS; i++) {
    if (view.status !== "active")
      view = await startInterview(database, {
        scenarioId: SCENARIO_IDS[i % SCENARIO_IDS.length] ?? "news-feed",
        level: "senior",
      });
    const start = performance.now();
    view = await sendCandidateMessage(database, {
      interviewId: view.id,
      messageId: randomUUID(),
      content: ANSWERS[i % ANSWERS.length] ?? "next",
    });
    times.push(performance.now() - start);
  }
  return times;
}

async function openSeeded(): Promise<{ database: Database; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "probe-bench-turn-"));
  const database = await openDatabase({ kind: "pglite", dataDir: dir });
  await runMigrations(database);
  await seedLibrary({ db: database.db, library: getScenarioLibrary(), embedder: await getEmbedder() });
  return { database, dir };
}

/** Runs TURNS turns on a fresh seeded database wired with `depsFor`, and summarises their times. */
async function runMode(mode: string, depsFor: (database: Database) => InterviewerDependencies) {
  const { database, dir } = await openSeeded();
  try {
    await getInterviewerGraph(database, depsFor(database));
    const times = await measure(database);
    return {
      mode,
      p50: round(quantile(times, 0.5), 1),
      p95: round(quantile(times, 0.95), 1),
      max: round(Math.max(...times), 1),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const server = await startFakeLlmServer(
  [
    { when: "Target level", reply: '{"items": []}' },
    { when: "Move: ", reply: "A scripted reply from the model." },
  ],
  { wordDelayMs: 0 },
);
const client = createLlmClient({ apiKey: "k", baseURL: server.url, model: "instant" });
const rows = [
  await runMode("offline", (database) => ({
    ...dependenciesFor(database),
    judge: null,
    phrase: null,
    runCheck: null,
    detectClaim: null,
  })),
  await runMode("model on an instant fake server", (database) => ({
    ...dependenciesFor(database),
    judge: createLlmJudge(client),
    phrase: createModelPhraser(client),
    runCheck: null,
    detectClaim: null,
  })),
];
await server.close();

console.log(
  formatTable(
    ["mode", "p50 ms", "p95 ms", "max ms"],
    rows.map((r) => [r.mode, r.p50, r.p95, r.max]),
  ),
);
console.log(`\n${TURNS} turns each; target p95 < 50 ms\n`);
console.log(JSON.stringify({ machine: describeMachine(), turns: TURNS, rows, targetP95Ms: 50 }, null, 2));
