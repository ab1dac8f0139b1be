/**
 * `npm run bench:turn`: server-side time per interview turn (store the message, read it, run the
 * graph, checkpoint, store the reply) with number checks on as in production, on embedded PGlite,
 * a real Postgres or both in one run (`--database=pglite|postgres|both`, see ../bench-databases.ts),
 * each mode on a fresh database migrated and seeded as the app does. Ordinary turns and turns that
 * carry a claim are reported apart, and so is the arrival of a pipeline check's card after its
 * reply. Modes: offline; a model on a fake OpenAI-compatible server that answers at once; 20
 * candidates at once. Prints a table with the databases side by side, then JSON.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { InterviewerDependencies } from "@/agents/interviewer/dependencies";
import { createModelPhraser } from "@/agents/interviewer/model-phraser";
import { createModelUnderstander } from "@/agents/interviewer/model-understander";
import type { Database } from "@/db/client";
import { startFakeLlmServer } from "@/e2e/fixtures/fake-llm-server";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { SCENARIO_IDS } from "@/lib/framework";
import { createLlmClient } from "@/lib/llm/client";
import { warmUpChecks } from "@/lib/pipelines/check-claim";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { createLlmJudge } from "@/lib/scoring/llm-judge";
import { understandOffline } from "@/lib/understanding/understand-offline";
import { getEmbedder } from "@/services/embedder";
import { sendCandidateMessage, startInterview } from "@/services/interviews/interview-service";
import { dependenciesFor, getInterviewerGraph } from "@/services/interviews/interviewer-runtime";
import { awaitPendingChecks } from "@/services/interviews/pending-checks";
import {
  type BenchDatabaseKind,
  DATABASE_ARG,
  DATABASE_USAGE,
  describeDatabase,
  migrateAndSeed,
  selectBenchDatabases,
  withBenchDatabase,
} from "../bench-databases";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";

const TURNS = 200;
/** Messages in rotation; `claim` marks those that state a checkable number. */
const MESSAGES: Array<{ text: string; claim: boolean }> = [
  { text: "We optimise long-term value rather than clicks, because clicks reward bait.", claim: false },
  { text: "500 million users × 5 visits a day is about 3,000 requests per second.", claim: true },
  {
    text: "I would split retrieval from ranking since scoring every item is impossible. What is the latency budget?",
    claim: false,
  },
  { text: "HNSW over 20 million 128-dim vectors answers in 3 ms at recall 0.95.", claim: true },
  { text: "Could you point me in a direction?", claim: false },
  { text: "1 billion 256-dim float32 vectors fit in 64 GB.", claim: true },
  { text: "next", claim: false },
];

interface Sample {
  ms: number;
  claim: boolean;
  cardMs?: number;
}

/**
 * How a simulated candidate paces itself: `waitForCards` reads each card before answering (one
 * candidate alone, so card times are the run itself, not a backlog of its own making);
 * `thinkMs` is the pause between messages, far shorter than a person's, for the crowd mode.
 */
interface Pace {
  waitForCards: boolean;
  thinkMs: [number, number];
}

/** One candidate's loop of `turns` turns; each pending card's arrival is timed from its reply. */
async function candidate(database: Database, turns: number, offset: number, pace: Pace): Promise<Sample[]> {
  const samples: Sample[] = [];
  const cards: Array<Promise<void>> = [];
  let view = await startInterview(database, {
    scenarioId: SCENARIO_IDS[offset % SCENARIO_IDS.length] ?? "news-feed",
    level: "senior",
  });
  for (let i = 0; i < turns; i++) {
    if (view.status !== "active")
      view = await startInterview(database, {
        scenarioId: SCENARIO_IDS[(i + offset) % SCENARIO_IDS.length] ?? "news-feed",
        level: "senior",
      });
    const message = MESSAGES[(i + offset) % MESSAGES.length] ?? { text: "next", claim: false };
    const start = performance.now();
    view = await sendCandidateMessage(database, {
      interviewId: view.id,
      messageId: randomUUID(),
      content: message.text,
    });
    const sample: Sample = { ms: performance.now() - start, claim: message.claim };
    samples.push(sample);
    // Only this reply's own card is timed; an earlier one still running is not counted twice.
    const reply = view.turns.at(-1);
    if (reply?.check?.status === "pending") {
      const replied = performance.now();
      const card = awaitPendingChecks(database, { ...view, turns: [reply] }, () => {
        sample.cardMs = performance.now() - replied;
      });
      if (pace.waitForCards) await card;
      else cards.push(card);
    }
    const [low, high] = pace.thinkMs;
    // A fixed spread per turn (no randomness), so runs are comparable.
    const think = low + (((i * 7919 + offset * 104729) % 1000) / 1000) * (high - low);
    if (think > 0) await new Promise((resolve) => setTimeout(resolve, think));
  }
  await Promise.all(cards);
  return samples;
}

const p = (values: number[], q: number) => (values.length === 0 ? null : round(quantile(values, q), 1));

/** Runs `candidates` concurrent candidates for TURNS turns in all on a fresh seeded database of `kind`. */
async function runMode(
  target: { kind: BenchDatabaseKind; serverUrl: string | null },
  mode: string,
  candidates: number,
  pace: Pace,
  depsFor: (database: Database) => InterviewerDependencies,
) {
  return withBenchDatabase(target.kind, target.serverUrl, async (database) => {
    await migrateAndSeed(database, getScenarioLibrary(), await getEmbedder());
    await getInterviewerGraph(database, depsFor(database));
    const perCandidate = Math.ceil(TURNS / candidates);
    const samples = (
      await Promise.all(Array.from({ length: candidates }, (_, c) => candidate(database, perCandidate, c, pace)))
    ).flat();
    const ordinary = samples.filter((s) => !s.claim).map((s) => s.ms);
    const claims = samples.filter((s) => s.claim).map((s) => s.ms);
    const cards = samples.flatMap((s) => (s.cardMs === undefined ? [] : [s.cardMs]));
    return {
      server: await describeDatabase(database),
      row: {
        mode,
        turns: samples.length,
        ordinary: { n: ordinary.length, p50: p(ordinary, 0.5), p95: p(ordinary, 0.95) },
        claim: { n: claims.length, p50: p(claims, 0.5), p95: p(claims, 0.95) },
        card: { n: cards.length, p50: p(cards, 0.5), p95: p(cards, 0.95) },
      },
    };
  });
}

function readDatabaseOption(): string | undefined {
  try {
    return parseArgs({ options: DATABASE_ARG }).values.database;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Usage: npm run bench:turn -- ${DATABASE_USAGE}`);
  }
}

async function main(): Promise<void> {
  const { kinds, serverUrl, note } = selectBenchDatabases(readDatabaseOption());
  if (note) console.log(note);
  const server = await startFakeLlmServer(
    [
      {
        when: "sentence by sentence",
        reply: (prompt) =>
          JSON.stringify(understandOffline(/<candidate>\n([\s\S]*?)\n<\/candidate>/.exec(prompt)?.[1] ?? "")),
      },
      { when: "Target level", reply: '{"items": []}' },
      { when: "Move: ", reply: "A scripted reply from the model." },
    ],
    { wordDelayMs: 0 },
  );
  const client = createLlmClient({ apiKey: "k", baseURL: server.url, model: "instant" });
  // As `next start` does: the check worker warms its indexes before candidates arrive.
  await warmUpChecks((error) => console.error("warm-up failed:", error));
  const ALONE: Pace = { waitForCards: true, thinkMs: [0, 0] };
  const CROWD: Pace = { waitForCards: false, thinkMs: [1000, 3000] };
  const offline = (database: Database): InterviewerDependencies => ({
    ...dependenciesFor(database),
    judge: null,
    phrase: null,
    understand: null,
  });
  const databases: Array<{ database: BenchDatabaseKind; server: string; rows: Row[] }> = [];
  try {
    for (const kind of kinds) {
      const target = { kind, serverUrl };
      const runs = [
        await runMode(target, "offline", 1, ALONE, offline),
        await runMode(target, "model on an instant fake server", 1, ALONE, (database) => ({
          ...dependenciesFor(database),
          judge: createLlmJudge(client),
          phrase: createModelPhraser(client),
          understand: createModelUnderstander(client),
        })),
        await runMode(target, "offline, 20 candidates at once (1-3 s between messages)", 20, CROWD, offline),
      ];
      databases.push({ database: kind, server: runs[0]?.server ?? kind, rows: runs.map((r) => r.row) });
    }
  } finally {
    await server.close();
  }

  // A row per mode and database, the databases of one mode next to each other.
  const modes = databases[0]?.rows.map((r) => r.mode) ?? [];
  console.log(
    formatTable(
      ["mode", "database", "ordinary p50 / p95 ms", "claim turn p50 / p95 ms", "card arrival p50 / p95 ms (n)"],
      modes.flatMap((mode) =>
        databases.flatMap(({ database, rows }) =>
          rows
            .filter((r) => r.mode === mode)
            .map((r) => [
              r.mode,
              database,
              `${r.ordinary.p50} / ${r.ordinary.p95}`,
              `${r.claim.p50} / ${r.claim.p95}`,
              `${r.card.p50} / ${r.card.p95} (${r.card.n})`,
            ]),
        ),
      ),
    ),
  );
  console.log(
    `\n${TURNS} turns a mode on each database (${databases.map((d) => `${d.database}: ${d.server}`).join("; ")}); checks on as in production. Targets: turn p95 < 50 ms; card arrival p95 < 1,500 ms\n`,
  );
  // `rows` stays the first database's (PGlite whenever it ran), as before `--database`; `database`
  // says which, and `databases` holds every database's rows.
  console.log(
    JSON.stringify(
      {
        machine: describeMachine(),
        turns: TURNS,
        database: databases[0]?.database,
        rows: databases[0]?.rows ?? [],
        targets: { turnP95Ms: 50, cardP95Ms: 1500 },
        databases,
      },
      null,
      2,
    ),
  );
  process.exit(0);
}

type Row = Awaited<ReturnType<typeof runMode>>["row"];

runCli(main, () => null);
