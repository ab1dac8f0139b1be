import { sql } from "drizzle-orm";
import type { Db } from "../client";

/** Two writers racing for one number retry; more than this many losses in a row is a fault. */
const MAX_APPEND_ATTEMPTS = 20;

/** A table of events numbered per key (an interview, a room), and the channel that announces them. */
export interface SequencedTable {
  table: "interview_events" | "room_events";
  keyColumn: "interview_id" | "room_id";
  channel: string;
}

/**
 * Appends an event with the key's next sequence number and notifies every listening server when
 * it commits, with `<key>:<seq>` only. The number is the largest stored plus one: a writer that
 * loses the race waits on the primary key, finds it taken and tries again, so numbers follow
 * commit order and a reader never sees a later number before an earlier one.
 */
export async function appendSequencedEvent(
  db: Db,
  target: SequencedTable,
  input: { key: string; kind: string; data: Record<string, string> },
): Promise<number> {
  // Table and column names are constants of this module's callers, never input.
  const table = sql.identifier(target.table);
  const column = sql.identifier(target.keyColumn);
  for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
    const result = await db.execute<{ seq: number }>(sql`
      WITH appended AS (
        INSERT INTO ${table} (${column}, seq, kind, data)
        SELECT ${input.key}::uuid, coalesce(max(seq), 0) + 1, ${input.kind}, ${JSON.stringify(input.data)}::jsonb
        FROM ${table} WHERE ${column} = ${input.key}::uuid
        ON CONFLICT DO NOTHING
        RETURNING seq
      )
      SELECT seq, pg_notify(${target.channel}, ${input.key} || ':' || seq) FROM appended`);
    const seq = result.rows[0]?.seq;
    if (seq !== undefined) return Number(seq);
  }
  throw new Error(`no free sequence number after ${MAX_APPEND_ATTEMPTS} attempts`);
}
