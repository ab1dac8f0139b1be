import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { openTestDatabase } from "../testing/test-database";
import {
  appendInterviewEvent,
  deleteStreamedWordsBefore,
  getLatestInterviewEventSeq,
  listInterviewEventsAfter,
} from "./interview-events";
import { createInterview, deleteInterviewById } from "./interviews";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function newInterview(): Promise<string> {
  const interview = await createInterview({
    db: database.db,
    values: { scenarioId: "video-recommendation", level: "senior", currentStep: "clarify-requirements" },
  });
  return interview.id;
}

describe("interview events", () => {
  it("numbers each interview's events from 1, separately per interview", async () => {
    const [first, second] = [await newInterview(), await newInterview()];
    expect(await getLatestInterviewEventSeq({ db: database.db, interviewId: first })).toBe(0);
    expect(
      await appendInterviewEvent({ db: database.db, interviewId: first, kind: "token", data: { token: "a" } }),
    ).toBe(1);
    expect(await appendInterviewEvent({ db: database.db, interviewId: first, kind: "reset", data: {} })).toBe(2);
    expect(await appendInterviewEvent({ db: database.db, interviewId: second, kind: "report", data: {} })).toBe(1);
    const rows = await listInterviewEventsAfter({ db: database.db, interviewId: first, afterSeq: 0 });
    expect(rows.map((r) => [r.seq, r.kind, r.data])).toEqual([
      [1, "token", { token: "a" }],
      [2, "reset", {}],
    ]);
    expect(await listInterviewEventsAfter({ db: database.db, interviewId: first, afterSeq: 1 })).toHaveLength(1);
    expect(await getLatestInterviewEventSeq({ db: database.db, interviewId: first })).toBe(2);
  });

  it("gives writers racing on one interview distinct numbers with no gap", async () => {
    const interviewId = await newInterview();
    const seqs = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        appendInterviewEvent({ db: database.db, interviewId, kind: "token", data: { token: String(i) } }),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const rows = await listInterviewEventsAfter({ db: database.db, interviewId, afterSeq: 0 });
    expect(new Set(rows.map((r) => r.data.token)).size).toBe(30);
  });

  it("pages with a limit and goes with its interview", async () => {
    const interviewId = await newInterview();
    for (let i = 0; i < 5; i++) await appendInterviewEvent({ db: database.db, interviewId, kind: "reset", data: {} });
    const page = await listInterviewEventsAfter({ db: database.db, interviewId, afterSeq: 1, limit: 2 });
    expect(page.map((r) => r.seq)).toEqual([2, 3]);
    await deleteInterviewById({ db: database.db, id: interviewId });
    expect(await listInterviewEventsAfter({ db: database.db, interviewId, afterSeq: 0 })).toEqual([]);
    await expect(appendInterviewEvent({ db: database.db, interviewId, kind: "reset", data: {} })).rejects.toThrow(
      /append_interview_event/,
    );
  });

  it("drops a reply's streamed words once the reply is stored, and keeps everything else", async () => {
    const interviewId = await newInterview();
    const append = (kind: "message" | "token" | "reset" | "step", data: Record<string, string> = {}) =>
      appendInterviewEvent({ db: database.db, interviewId, kind, data });
    await append("message", { messageId: "c1" });
    await append("token", { token: "Why " });
    await append("reset");
    await append("token", { token: "How " });
    await append("step", { step: "frame-problem" });
    const reply = await append("message", { messageId: "i1" });
    await append("token", { token: "Next " });
    expect(await deleteStreamedWordsBefore({ db: database.db, interviewId, beforeSeq: reply })).toBe(3);
    const left = await listInterviewEventsAfter({ db: database.db, interviewId, afterSeq: 0 });
    expect(left.map((r) => [r.seq, r.kind])).toEqual([
      [1, "message"],
      [5, "step"],
      [6, "message"],
      [7, "token"],
    ]);
    // Numbering goes on from the largest, never reusing a dropped number.
    expect(await append("reset")).toBe(8);
  });
});
