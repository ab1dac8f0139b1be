import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * Helpers for the several-server tests: `next start` processes of the built app (`npm run
 * build` first) on one fresh Postgres database. Loopback only; every process is killed after.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** A fresh database beside the admin one, and a function that drops it. */
export async function createFreshDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `probe_x_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Benchmarks play many candidates' worth of messages through a few identities, which a person's
 * rate limits would refuse: they raise the limits a thousandfold, and the limiter still counts
 * every request, so its cost stays in the figures.
 */
export const BENCH_RATE_LIMITS = { RATE_LIMIT_SCALE: "1000" } as const;

export interface Server {
  url: string;
  child: ChildProcess;
  stderr: () => string;
}

export function spawnServer(port: number, env: Record<string, string>): Server {
  const { OPENAI_API_KEY: _key, OPENAI_BASE_URL: _base, ...inherited } = process.env;
  const child = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...inherited, LOG_LEVEL: "warn", ALLOW_REMOTE_MODELS: "false", RERANKER: "off", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  return { url: `http://127.0.0.1:${port}`, child, stderr: () => stderr };
}

export async function waitForHealth(server: Server, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) {
      throw new Error(`${server.url} exited with ${server.child.exitCode} during start-up:\n${server.stderr()}`);
    }
    try {
      if ((await fetch(`${server.url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.url} was not healthy within ${timeoutMs} ms:\n${server.stderr()}`);
}

export function kill(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}

/** Two servers of the built app on one fresh database, and how to stop them and clean up. */
export interface ServerPair {
  servers: [Server, Server];
  /** The fresh database both use. */
  databaseUrl: string;
  /** Kills both, drops the database and removes the data directory; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts two `next start` processes at once (their migrations race, as on a real deploy) on a
 * fresh database created on the Postgres at `adminUrl`, sharing one identity secret (a cookie
 * from one is valid on the other) and one data directory, and waits until both answer.
 */
export async function startServerPair(
  adminUrl: string,
  options: { env?: Record<string, string>; label?: string; timeoutMs?: number } = {},
): Promise<ServerPair> {
  const database = await createFreshDatabase(adminUrl);
  const dataDir = mkdtempSync(path.join(tmpdir(), `${options.label ?? "probe-two-servers"}-`));
  const env = {
    DATABASE_URL: database.url,
    PROBE_SECRET: randomBytes(24).toString("hex"),
    PROBE_DATA_DIR: dataDir,
    ...options.env,
  };
  const servers = [spawnServer(await freePort(), env), spawnServer(await freePort(), env)] as [Server, Server];
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.all(servers.map(kill));
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(servers.map((server) => waitForHealth(server, options.timeoutMs ?? 120_000)));
  } catch (error) {
    await close();
    throw error;
  }
  return { servers, databaseUrl: database.url, close };
}

/** A new anonymous identity on `server`: the cookie its first answer sets. */
export async function identityCookie(server: Server): Promise<string> {
  const response = await fetch(`${server.url}/api/health`);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (!cookie.includes("=")) throw new Error(`${server.url} set no identity cookie`);
  return cookie;
}
