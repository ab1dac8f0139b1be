import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROOM_MEMBER_LIMIT } from "@/db/schema";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { BENCH_RATE_LIMITS, startServerPair } from "@/services/testing/app-servers";
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
    // One candidate sends a message every few hundred milliseconds, far beyond a person's
    // per-identity rate limit; the limiter still counts every message.
    const pair = await startServerPair(args.serverUrl, { label: "probe-bench-rooms", env: BENCH_RATE_LIMITS });
    cleanups.push(pair.close);
    run = await measureRoom(
      pair.servers.map((s) => s.url),
      pair.databaseUrl,
      args,
    );
  } finally {
    await cleanUp();
  }

  printReport(run, SERVERS);
}

runCli(main, () => null);
