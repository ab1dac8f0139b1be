import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { amcheck } from "@electric-sql/pglite/contrib/amcheck";
import { vector } from "@electric-sql/pglite-pgvector";
import pg from "pg";

/**
 * Integrity checks of a database a killed server left behind, on Postgres or on a copy of a
 * PGlite data directory, through one small query function. Each returns the problems it found,
 * one sentence each, so a test can print them all at once.
 */
export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface Store {
  query: Query;
  close: () => Promise<void>;
}

export async function openPostgres(url: string): Promise<Store> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

/**
 * Opens a copy of a PGlite data directory (the server must be dead): the copy does its own crash
 * recovery and takes the test's extensions, so the directory the next server opens is untouched
 * and that server still recovers from the crash itself.
 */
export async function openPgliteCopy(dataDir: string): Promise<Store> {
  const copy = mkdtempSync(path.join(tmpdir(), "probe-crash-copy-"));
  cpSync(dataDir, copy, { recursive: true });
  const db = await PGlite.create(copy, { extensions: { vector, amcheck } });
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    close: async () => {
      await db.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** Every check below, in one list of problems. */
export async function integrityProblems(query: Query): Promise<string[]> {
  return [
    ...(await checkForeignKeys(query)),
    ...(await checkTablesAndKeys(query)),
    ...(await checkBtreeIndexes(query)),
  ];
}

const SCHEMAS = "('public', 'langgraph', 'drizzle')";

/** Every row of every foreign key has its parent: one anti-join per single-column constraint of the catalog. */
export async function checkForeignKeys(query: Query): Promise<string[]> {
  const keys = await query<{ name: string; child: string; column: string; parent: string; key: string }>(
    `SELECT c.conname AS name, c.conrelid::regclass::text AS child, a.attname AS column,
            c.confrelid::regclass::text AS parent, b.attname AS key
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute b ON b.attrelid = c.confrelid AND b.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace::regnamespace::text IN ${SCHEMAS}`,
  );
  const problems: string[] = [];
  for (const fk of keys) {
    const [row] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${fk.child} x WHERE x.${fk.column} IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p.${fk.key} = x.${fk.column})`,
    );
    if ((row?.n ?? 0) > 0) problems.push(`${row?.n} rows of ${fk.child} break ${fk.name}`);
  }
  if (!keys.some((fk) => fk.child === "messages")) problems.push("the catalog lists no foreign key of messages");
  return problems;
}

/**
 * Reads every row of every table in full (each row cast to text, which detoasts every column),
 * and counts each table's rows twice, once by a sequential scan and once through its primary
 * key's index in key order: a heap and an index that disagree after the crash show up here.
 */
export async function checkTablesAndKeys(query: Query): Promise<string[]> {
  const tables = await query<{ table: string; key: string | null }>(
    `SELECT t.oid::regclass::text AS table,
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
               FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
              WHERE i.indrelid = t.oid AND i.indisprimary) AS key
       FROM pg_class t WHERE t.relkind = 'r' AND t.relnamespace::regnamespace::text IN ${SCHEMAS}`,
  );
  const problems: string[] = [];
  for (const { table, key } of tables) {
    await query(`SELECT count(*), sum(length(x::text)) FROM ${table} x`);
    if (!key) continue;
    await settings(query, ["enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"], "off");
    const [seq] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    await settings(query, ["enable_indexscan", "enable_indexonlyscan", "enable_bitmapscan"], "on");
    await settings(query, ["enable_seqscan"], "off");
    const byKey = `SELECT count(*)::int AS n FROM (SELECT ${key} FROM ${table} ORDER BY ${key}) k`;
    const plan = (await query<{ "QUERY PLAN": string }>(`EXPLAIN ${byKey}`)).map((r) => r["QUERY PLAN"]).join(" ");
    const [indexed] = await query<{ n: number }>(byKey);
    await settings(query, ["enable_seqscan"], "on");
    if (!/Index/.test(plan)) problems.push(`${table}: the count by key did not use an index (${plan})`);
    if (seq?.n !== indexed?.n) problems.push(`${table}: ${seq?.n} rows by a sequential scan, ${indexed?.n} by its key`);
  }
  return problems;
}

async function settings(query: Query, names: string[], value: "on" | "off"): Promise<void> {
  for (const name of names) await query(`SET ${name} = ${value}`);
}

/** amcheck's bt_index_check on every B-tree index of the app's schemas. */
export async function checkBtreeIndexes(query: Query): Promise<string[]> {
  await query("CREATE EXTENSION IF NOT EXISTS amcheck");
  const indexes = await query<{ name: string }>(
    `SELECT c.oid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_am am ON am.oid = c.relam
      WHERE am.amname = 'btree' AND c.relnamespace::regnamespace::text IN ${SCHEMAS}`,
  );
  const problems: string[] = [];
  for (const { name } of indexes) {
    try {
      await query(`SELECT bt_index_check('${name}'::regclass, true)`);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (indexes.length === 0) problems.push("no B-tree index was checked");
  return problems;
}
