import { randomBytes } from "node:crypto";
import pg from "pg";

/** A database of its own on a shared Postgres server, and how to remove it. */
export interface ServerDatabase {
  url: string;
  stop: () => Promise<void>;
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The URL of `database` on the server that `serverUrl` points at. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Drops a test database. A plain DROP first: Postgres waits a few seconds for sessions that are still
 * closing (`pool.end()` resolves before its connections have said goodbye), whereas FORCE would
 * kill them and their clients would throw. FORCE only for a connection that was really left open.
 */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  // Only names this module made: a guard against dropping anything else, and against injection.
  if (!/^probe_test_[0-9a-f]{16}$/.test(name)) throw new Error(`Not a test database: ${name}`);
  await onServer(serverUrl, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error;
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
}

/**
 * Creates a database with a random name on the server, so test files and engineers sharing one
 * server never see each other's rows; `stop` drops it.
 */
export async function createServerDatabase(serverUrl: string): Promise<ServerDatabase> {
  const name = `probe_test_${randomBytes(8).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: databaseUrl(serverUrl, name),
    stop: () => dropServerDatabase(serverUrl, name),
  };
}
