/**
 * `npm run bench:rooms [-- --observers N] [--messages N] [--warm-up N]`: a study room full of
 * people watching a round live. Two `next start` servers of the built app (`npm run build`
 * first) on one fresh database on the Postgres server PROBE_BENCH_DATABASE_URL points at; every
 * member's tab streams the round's events over SSE from one server or the other, the candidate
 * answers the AI interviewer through each in turn. Timed: from a message being stored to its
 * reaching every member's stream; counted: deliveries lost and doubled. Prints a table, then
 * one JSON line.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROOM_MEMBER_LIMIT } from "@/db/schema";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import {
  createFreshDatabase,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "@/services/testing/app-servers";
import { BENCH_DATABASE_URL_ENV } from "../bench-databases";
import { DEFAULT_WARM_UP, measureRoom } from "./measure";
import { printReport } from "./report";

const USAGE = `usage: npm run bench:rooms -- [--observers 2..${ROOM_MEMBER_LIMIT}] [--messages N] [--warm-up N]`;
const SERVERS = 2;
const argsSchema = z.object({
  observers: z.coerce
    .number()
    .int()
    .min(2, "--observers must be at least 2: the host and the candidate")
    .max(ROOM_MEMBER_LIMIT, `--observers can be at most ${ROOM_MEMBER_LIMIT}: a room holds ${ROOM_MEMBER_LIMIT} people`)
    .default(ROOM_MEMBER_LIMIT),
  messages: z.coerce.number().int().min(1, "--messages must be at least 1").max(10_000).default(60),
  "warm-up": z.coerce.number().int().min(0, "--warm-up must be 0 or more").max(1_000).default(DEFAULT_WARM_UP),
});

function parseArguments() {
  let values: { observers?: string; messages?: string; "warm-up"?: string };
  try {
    ({ values } = parseArgs({
      options: { observers: { type: "string" }, messages: { type: "string" }, "warm-up": { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? "Bad arguments."}\n${USAGE}`);
  const serverUrl = process.env[BENCH_DATABASE_URL_ENV]?.trim();
  if (!serverUrl || !URL.canParse(serverUrl)) {
    throw new UsageError(
      `bench:rooms needs ${BENCH_DATABASE_URL_ENV}: a Postgres server URL whose user may CREATE DATABASE (e.g. ${BENCH_DATABASE_URL_ENV}=$(bash scripts/postgres/start-test-postgres.sh)).`,
    );
  }
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    throw new UsageError("bench:rooms runs the built app: run npm run build first.");
  }
  const { observers, messages } = parsed.data;
  return { observers, messages, warmUp: parsed.data["warm-up"], serverUrl };
}

async function main(): Promise<void> {
  const args = parseArguments();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch((e) => console.error(e));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers and dropping the benchmark's database`);
      void cleanUp().then(() => process.exit(130));
    });
  }
  let run: Awaited<ReturnType<typeof measureRoom>>;
  try {
    const database = await createFreshDatabase(args.serverUrl);
    cleanups.push(database.drop);
    const dataDir = mkdtempSync(path.join(tmpdir(), "probe-bench-rooms-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = { DATABASE_URL: database.url, PROBE_SECRET: randomBytes(24).toString("hex"), PROBE_DATA_DIR: dataDir };
    const servers: Server[] = [];
    cleanups.push(() => Promise.all(servers.map(kill)).then(() => undefined));
    for (let i = 0; i < SERVERS; i++) servers.push(spawnServer(await freePort(), env));
    await Promise.all(servers.map((server) => waitForHealth(server, 120_000)));
    run = await measureRoom(
      servers.map((s) => s.url),
      database.url,
      args,
    );
  } finally {
    await cleanUp();
  }

  printReport(run, SERVERS);
}

runCli(main, () => null);
