import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityCookie, type ServerPair, startServerPair } from "@/services/testing/app-servers";

/**
 * Two `next start` processes of the built app (`npm run build` first) on one fresh Postgres
 * database: messages sent at once to one interview through both must be stored once and
 * answered once, in order. Runs only against a real Postgres.
 */
const adminUrl = process.env.PROBE_TEST_DATABASE_URL;
if (!adminUrl) console.info("turns.two-servers.test.ts: skipped, PROBE_TEST_DATABASE_URL is unset");

const ROUNDS = 3;
const MESSAGES_PER_ROUND = 4;
const MAX_ATTEMPTS = 5;

/** Sends one message, retrying (with the same id) a 409 that says the turn was busy. */
async function send(url: string, cookie: string, interviewId: string, content: string): Promise<number> {
  const id = randomUUID();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const response = await fetch(`${url}/api/interviews/${interviewId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ id, content }),
    });
    if (response.ok) return attempt;
    const body = (await response.json()) as { error?: { code?: string } };
    if (response.status !== 409 || body.error?.code !== "conflict:turn_busy") {
      throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
    }
  }
  throw new Error(`still busy after ${MAX_ATTEMPTS} attempts`);
}

describe.skipIf(!adminUrl)("two app servers on one Postgres", () => {
  let pair: ServerPair | undefined;

  beforeAll(async () => {
    // Both start at once on an empty database: their migrations race.
    pair = await startServerPair(adminUrl as string);
  }, 150_000);

  afterAll(async () => {
    await pair?.close();
  });

  it("stores every message once and answers each once, in order", async () => {
    if (!pair) throw new Error("the servers did not start");
    const [first, second] = pair.servers;
    const cookie = await identityCookie(first);
    const started = await fetch(`${first.url}/api/interviews`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ scenarioId: "news-feed", level: "senior" }),
    });
    expect(started.status, await started.clone().text()).toBe(201);
    const { id: interviewId } = (await started.json()) as { id: string };

    let retried = 0;
    const startedAt = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const attempts = await Promise.all(
        Array.from({ length: MESSAGES_PER_ROUND }, (_, index) =>
          send(
            (index % 2 === 0 ? first : second).url,
            cookie,
            interviewId,
            `Round ${round}, message ${index}: I would start from the product goal and a baseline.`,
          ),
        ),
      );
      retried += attempts.filter((attempt) => attempt > 1).length;
    }
    const elapsed = Date.now() - startedAt;

    const client = new pg.Client({ connectionString: pair.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ id: string; role: string }>(
      "SELECT id, role FROM messages WHERE interview_id = $1 ORDER BY seq",
      [interviewId],
    );
    await client.end();
    const pattern = rows.map((row) => (row.role === "candidate" ? "c" : "i")).join("");
    console.info(`transcript ${pattern}; ${elapsed} ms for ${ROUNDS} rounds; ${retried} sends retried after a 409`);
    const candidates = rows.filter((row) => row.role === "candidate");
    expect(candidates).toHaveLength(ROUNDS * MESSAGES_PER_ROUND);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    expect(pattern).toMatch(/^i+(ci)+$/);
    expect(pattern).toBe(`${pattern.slice(0, pattern.indexOf("c"))}${"ci".repeat(ROUNDS * MESSAGES_PER_ROUND)}`);
  }, 240_000);
});
