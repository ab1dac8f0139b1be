/**
 * The servers of a benchmark (bench:load, bench:fairness): `next start` of the built app on a
 * fresh database (PGlite in a temporary directory, or a new database on the Postgres server),
 * offline, with one secret so a cookie set by one server is valid on the other; and their
 * removal (servers with their workers and pipeline scratch, then the database, then the
 * directory), once, also on failure and on Ctrl-C.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServerDatabase } from "@/db/testing/postgres-database";
import { UsageError } from "@/lib/cli/usage-error";
import { SCRATCH_PREFIX } from "@/lib/pipelines/scratch";
import {
  BENCH_RATE_LIMITS,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "@/services/testing/app-servers";
import type { BenchDatabaseKind } from "../bench-databases";
import { processTree } from "./process-tree";

const HEALTH_TIMEOUT_MS = 120_000;

/** Removals still to run if the process is interrupted. */
const pending = new Set<() => Promise<void>>();

export function installInterruptHandlers(log: (line: string) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping the servers and removing the benchmark's databases`);
      void Promise.allSettled([...pending].map((remove) => remove())).then(() => process.exit(130));
    });
  }
}

/**
 * Kills a server and whatever it started (next start's workers), then removes their pipeline
 * scratch directories: a killed process cannot, and a heavy Lab run leaves a saved index there.
 */
async function stopServer(server: Server): Promise<void> {
  const pid = server.child.pid;
  const tree = pid ? await processTree(pid) : [];
  await kill(server);
  for (const child of tree.slice(1)) {
    try {
      process.kill(child, "SIGKILL");
    } catch {
      // Already gone with its parent.
    }
  }
  const prefixes = tree.map((owner) => `${SCRATCH_PREFIX}${owner}-`);
  for (const name of readdirSync(tmpdir())) {
    if (prefixes.some((prefix) => name.startsWith(prefix)))
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

export interface LoadServers {
  list: Server[];
  pids: number[];
  /** Prints the first lines each server wrote to stderr, if any. */
  reportStderr(log: (line: string) => void): void;
  stop(): Promise<void>;
}

export async function startLoadServers(
  kind: BenchDatabaseKind,
  serverUrl: string | null,
  count: 1 | 2,
  log: (line: string) => void,
): Promise<LoadServers> {
  const list: Server[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), "probe-load-"));
  let dropDatabase: (() => Promise<void>) | null = null;
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      await Promise.allSettled(list.map(stopServer));
      if (dropDatabase) await dropDatabase().catch((error) => log(`could not drop the database: ${error}`));
      rmSync(dataDir, { recursive: true, force: true });
      pending.delete(stop);
    })();
    return stopped;
  };
  pending.add(stop);
  try {
    let databaseUrl = "";
    if (kind === "postgres") {
      if (!serverUrl) throw new UsageError("Postgres needs PROBE_BENCH_DATABASE_URL.");
      const database = await createServerDatabase(serverUrl);
      dropDatabase = database.stop;
      databaseUrl = database.url;
    }
    // An empty DATABASE_URL means PGlite in PROBE_DATA_DIR, whatever this shell has set.
    const env = {
      DATABASE_URL: databaseUrl,
      PROBE_DATA_DIR: dataDir,
      PROBE_SECRET: randomBytes(24).toString("hex"),
      LOG_LEVEL: "warn",
      ALLOW_REMOTE_MODELS: "false",
      RERANKER: "off",
      // The stress phase sends turns with no wait, beyond a person's rate limit; still counted.
      ...BENCH_RATE_LIMITS,
    };
    const servers = kind === "postgres" ? count : 1;
    for (let i = 0; i < servers; i++) list.push(spawnServer(await freePort(), env));
    log(`${kind}: starting ${servers} server(s) on a fresh database`);
    await Promise.all(list.map((server) => waitForHealth(server, HEALTH_TIMEOUT_MS)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    list,
    pids: list.map((server) => server.child.pid).filter((pid): pid is number => pid !== undefined),
    reportStderr(print) {
      for (const server of list) {
        const lines = server.stderr().split("\n").filter(Boolean);
        if (lines.length > 0) {
          print(
            `  ${server.url} wrote ${lines.length} stderr line(s), first:\n    ${lines.slice(0, 5).join("\n    ")}`,
          );
        }
      }
    },
    stop,
  };
}
