import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createInterview } from "@/db/queries/interviews";
import { saveMessage } from "@/db/queries/messages";
import { createReopenableTestDatabase, type ReopenableTestDatabase, testBackend } from "@/db/testing/test-database";
import { createInterviewEventBus, type InterviewEventBus, type SequencedEvent } from "./interview-event-bus";

/**
 * On a real Postgres the publisher and the watcher are two database handles with their own
 * pools and their own LISTEN connection, as two servers are; on PGlite (one process) one handle.
 */
let store: ReopenableTestDatabase;
let serverA: Database;
let serverB: Database;
let busA: InterviewEventBus;
let busB: InterviewEventBus;

beforeAll(async () => {
  store = await createReopenableTestDatabase();
  serverA = await store.open();
  await runMigrations(serverA);
  serverB = testBackend() === "postgres" ? await store.open() : serverA;
  // No safety poll within a test's life: every delivery here must come from NOTIFY (or, on
  // PGlite, from the publisher waking its own watchers).
  const noPoll = { safetyPollMs: 3_600_000 };
  busA = createInterviewEventBus(serverA, noPoll);
  busB = serverB === serverA ? busA : createInterviewEventBus(serverB, noPoll);
});
afterAll(async () => {
  await busA.close();
  if (busB !== busA) await busB.close();
  if (serverB !== serverA) await serverB.close();
  await serverA.close();
  await store.remove();
});

async function newInterview(): Promise<string> {
  const interview = await createInterview({
    db: serverA.db,
    values: { scenarioId: "video-recommendation", level: "senior", currentStep: "clarify-requirements" },
  });
  return interview.id;
}

/** Reads `count` events from a watch, then stops it; fails after `timeoutMs`. */
async function take(
  bus: InterviewEventBus,
  interviewId: string,
  afterSeq: number,
  count: number,
  onStarted?: () => Promise<void>,
  timeoutMs = 15_000,
): Promise<SequencedEvent[]> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), timeoutMs);
  const seen: SequencedEvent[] = [];
  const reading = (async () => {
    for await (const event of bus.watch(interviewId, afterSeq, stop.signal)) {
      seen.push(event);
      if (seen.length >= count) break;
    }
  })();
  await onStarted?.();
  await reading;
  clearTimeout(timer);
  stop.abort();
  return seen;
}

describe("interview event bus", () => {
  it("brings events published through one server to a watcher on the other, in order, with message text read from the table", async () => {
    const interviewId = await newInterview();
    const events = await take(busB, interviewId, 0, 4, async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await saveMessage({
        db: serverA.db,
        message: {
          id: "m1",
          interviewId,
          role: "candidate",
          step: "clarify-requirements",
          content: "Who are the users?",
        },
      });
      await busA.publish(interviewId, "message", { messageId: "m1" });
      await busA.publish(interviewId, "token", { token: "Good " });
      await busA.publish(interviewId, "token", { token: "question." });
      await busA.publish(interviewId, "step", { step: "framing" });
    });
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => e.event)).toEqual([
      {
        type: "message",
        turn: { id: "m1", role: "candidate", step: "clarify-requirements", content: "Who are the users?" },
      },
      { type: "token", token: "Good " },
      { type: "token", token: "question." },
      { type: "step", step: "framing" },
    ]);
  });

  it("replays what a reconnecting watcher missed, from its last number, and nothing twice", async () => {
    const interviewId = await newInterview();
    for (let i = 0; i < 3; i++) await busA.publish(interviewId, "token", { token: `w${i} ` });
    const first = await take(busB, interviewId, 0, 2);
    expect(first.map((e) => e.seq)).toEqual([1, 2]);
    for (let i = 3; i < 6; i++) await busA.publish(interviewId, "token", { token: `w${i} ` });
    const again = await take(busB, interviewId, 2, 4);
    expect(again.map((e) => e.seq)).toEqual([3, 4, 5, 6]);
    expect(again.map((e) => (e.event.type === "token" ? e.event.token : ""))).toEqual(["w2 ", "w3 ", "w4 ", "w5 "]);
  });

  it("loses and doubles nothing when events are published while the watcher is still replaying", async () => {
    const interviewId = await newInterview();
    for (let i = 0; i < 40; i++) await busA.publish(interviewId, "token", { token: String(i) });
    const events = await take(busB, interviewId, 0, 120, async () => {
      await Promise.all([
        (async () => {
          for (let i = 40; i < 80; i++) await busA.publish(interviewId, "token", { token: String(i) });
        })(),
        (async () => {
          for (let i = 80; i < 120; i++) await busB.publish(interviewId, "token", { token: String(i) });
        })(),
      ]);
    });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    const tokens = events.map((e) => (e.event.type === "token" ? Number(e.event.token) : -1));
    expect(new Set(tokens).size).toBe(120);
  });

  it("serves several watchers of one interview on one server from one read", async () => {
    const interviewId = await newInterview();
    const watchers = Promise.all([0, 1, 2].map(() => take(busB, interviewId, 0, 3)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 3; i++) await busA.publish(interviewId, "reset");
    for (const events of await watchers) expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  // Only a real Postgres has LISTEN connections to cut; on PGlite the case is not registered at all.
  (testBackend() === "postgres" ? it : () => undefined)(
    "catches up on what was published while its LISTEN connection was cut",
    async () => {
      const interviewId = await newInterview();
      const events = await take(busB, interviewId, 0, 3, async () => {
        await busA.publish(interviewId, "token", { token: "before " });
        await new Promise((resolve) => setTimeout(resolve, 300));
        // Cut every listening connection (both servers'), as a database restart or a network drop would.
        const cut = await serverA.pool.query(
          "SELECT pg_terminate_backend(pid) AS cut FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
        );
        expect(cut.rowCount).toBeGreaterThanOrEqual(1);
        await busA.publish(interviewId, "token", { token: "during " });
        await busA.publish(interviewId, "token", { token: "after" });
      });
      expect(events.map((e) => (e.event.type === "token" ? e.event.token : ""))).toEqual([
        "before ",
        "during ",
        "after",
      ]);
    },
  );

  it("logs and returns null instead of failing the caller when an event cannot be stored", async () => {
    expect(await busA.publish("00000000-0000-4000-8000-000000000000", "reset")).toBeNull();
  });
});
