/**
 * The one server of `npm run bench:fairness`: `next start` of the built app on PGlite in a
 * temporary data directory, offline, with a fresh secret; and its removal (the server and any
 * process it started, then the directory), once, also on failure and on Ctrl-C, so a run never
 * leaves a server or a data directory behind on the shared machine.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCRATCH_PREFIX } from "@/lib/pipelines/scratch";
import {
  BENCH_RATE_LIMITS,
  freePort,
  kill,
  type Server,
  spawnServer,
  waitForHealth,
} from "@/services/testing/app-servers";

const HEALTH_TIMEOUT_MS = 120_000;

/** The removal still to run if the process is interrupted. */
let pending: (() => Promise<void>) | null = null;

export function installInterruptHandlers(log: (line: string) => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping the server and removing its data directory`);
      void (pending ?? (async () => undefined))().finally(() => process.exit(130));
    });
  }
}

/** The processes below `root` (next start may fork), read from /proc; empty where there is none. */
function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const name of entries) {
    try {
      // The parent pid is the 2nd field after the command, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0 && found.length < 1000) {
    for (const child of parents.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

export interface FairnessServer {
  server: Server;
  stop(): Promise<void>;
}

export async function startFairnessServer(log: (line: string) => void): Promise<FairnessServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "probe-fairness-"));
  // An empty DATABASE_URL means PGlite in PROBE_DATA_DIR, whatever this shell has set.
  // BENCH_RATE_LIMITS only scales the per-identity rate windows (RATE_LIMIT_SCALE): the
  // one-live-run-per-identity rule is a count of running rows in the database and ignores it.
  const server = spawnServer(await freePort(), {
    DATABASE_URL: "",
    PROBE_DATA_DIR: dataDir,
    PROBE_SECRET: randomBytes(24).toString("hex"),
    LOG_LEVEL: "warn",
    ALLOW_REMOTE_MODELS: "false",
    RERANKER: "off",
    ...BENCH_RATE_LIMITS,
  });
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      const below = server.child.pid ? descendants(server.child.pid) : [];
      await kill(server);
      for (const pid of below) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone with its parent.
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
      // A SIGKILLed server cannot remove its pipeline scratch directory (a saved HNSW index of
      // hundreds of MB after a heavy run): remove the ones named with its pid or its children's.
      const ours = new Set([server.child.pid, ...below].map((pid) => `${SCRATCH_PREFIX}${pid}-`));
      for (const name of readdirSync(tmpdir())) {
        if ([...ours].some((prefix) => name.startsWith(prefix))) {
          rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
        }
      }
      pending = null;
    })();
    return stopped;
  };
  pending = stop;
  log(`starting next start on PGlite in ${dataDir}`);
  try {
    await waitForHealth(server, HEALTH_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { server, stop };
}
