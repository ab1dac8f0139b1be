import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { DatabaseConfig } from "@/lib/env";
import { probeTypeParsers } from "./bytea-array-parser";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema>;

/** One database handle: a `pg.Pool` (over PGlite or a real Postgres) and drizzle on top of it. */
export interface Database {
  kind: DatabaseConfig["kind"];
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/**
 * A `pg` config whose connection is PGlite in-process. drizzle passes `types` as an object of
 * type parsers; real Postgres connections ignore it when writing a Parse message, but PGlite's
 * adapter iterates it as an array of OIDs and throws, leaving the query hanging. Parameter
 * types are always inferred by the server here, so they are dropped.
 */
function pgConfigOverPglite(pglite: PGlite) {
  const config = createPgConfig(pglite);
  const connection = config.connection;
  const parse = connection.parse.bind(connection);
  connection.parse = (query: { types?: unknown }) =>
    parse({ ...query, types: Array.isArray(query.types) ? query.types : undefined });
  return { ...config, types: probeTypeParsers };
}

/**
 * Opens the configured database. Both kinds go through `pg.Pool`, so drizzle and the
 * LangGraph checkpointer share one code path; only the pool's connection differs.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, types: probeTypeParsers });
    return {
      kind: "postgres",
      pool,
      db: drizzle(pool, { schema }),
      close: () => pool.end(),
    };
  }
  if (!config.dataDir.startsWith("memory://")) mkdirSync(config.dataDir, { recursive: true });
  const pglite = await PGlite.create(config.dataDir, { extensions: { vector } });
  const pool = new pg.Pool(pgConfigOverPglite(pglite));
  return {
    kind: "pglite",
    pool,
    db: drizzle(pool, { schema }),
    close: async () => {
      await pool.end();
      await pglite.close();
    },
  };
}
