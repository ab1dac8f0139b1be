/**
 * When each message was stored: its row's `created_at` in Postgres, the clock of this same
 * machine, read once the run is over. A row's `created_at` is when the INSERT that saved it
 * began (each message is saved on its own, outside any transaction), so a latency measured from
 * it also includes the append of the message's event and the commit that announces it: it can
 * only overstate the time to the members' streams, never understate it.
 */
import pg from "pg";

/** Epoch milliseconds (sub-millisecond) at which each of `messageIds` was stored. */
export async function readStoredTimes(databaseUrl: string, messageIds: string[]): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; ms: string }>(
      "SELECT id, extract(epoch FROM created_at) * 1000 AS ms FROM messages WHERE id = ANY($1)",
      [messageIds],
    );
    return new Map(rows.map((row) => [row.id, Number(row.ms)]));
  } finally {
    await client.end();
  }
}
