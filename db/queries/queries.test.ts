import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { getMigrationStatus } from "../migrate";
import { openTestDatabase } from "../testing/test-database";
import { createInterview, getInterviewById, listInterviewsByUser, updateInterviewProgress } from "./interviews";
import { listMessagesByInterview, saveMessage } from "./messages";
import { createUser, getUserById } from "./users";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe("migrations", () => {
  it("create the vector extension and every table, and report themselves applied", async () => {
    const extensions = await database.pool.query("SELECT extname FROM pg_extension WHERE extname = 'vector'");
    expect(extensions.rowCount).toBe(1);
    const tables = await database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      "interview_diagrams",
      "interview_events",
      "interviews",
      "messages",
      "passages",
      "pipeline_runs",
      "rate_limit_windows",
      "room_events",
      "room_invites",
      "room_members",
      "room_rounds",
      "rooms",
      "round_remarks",
      "round_scores",
      "scenarios",
      "shares",
      "users",
    ]);
    const status = await getMigrationStatus(database);
    expect(status.upToDate).toBe(true);
    expect(status.applied).toBe(status.expected);
  });
});

describe("users and interviews", () => {
  it("creates an interview for a user and lists it", async () => {
    const user = await createUser({ db: database.db, displayName: "Ada" });
    expect((await getUserById({ db: database.db, id: user.id }))?.displayName).toBe("Ada");
    const interview = await createInterview({
      db: database.db,
      values: {
        userId: user.id,
        scenarioId: "video-recommendation",
        level: "staff",
        currentStep: "clarify-requirements",
      },
    });
    expect(interview.status).toBe("active");
    await updateInterviewProgress({
      db: database.db,
      id: interview.id,
      currentStep: "monitoring",
      status: "completed",
    });
    const updated = await getInterviewById({ db: database.db, id: interview.id });
    expect(updated?.currentStep).toBe("monitoring");
    expect(updated?.completedAt).toBeInstanceOf(Date);
    const listed = await listInterviewsByUser({ db: database.db, userId: user.id });
    expect(listed.map((i) => i.id)).toEqual([interview.id]);
  });

  it("returns undefined for an unknown interview", async () => {
    expect(await getInterviewById({ db: database.db, id: randomUUID() })).toBeUndefined();
  });
});

describe("messages", () => {
  it("keeps insertion order and stores a replayed message once", async () => {
    const interview = await createInterview({
      db: database.db,
      values: { scenarioId: "video-recommendation", level: "mid", currentStep: "clarify-requirements" },
    });
    const first = { id: randomUUID(), interviewId: interview.id, role: "candidate" as const, content: "first" };
    await saveMessage({ db: database.db, message: first });
    await saveMessage({
      db: database.db,
      message: { id: `${interview.id}:1`, interviewId: interview.id, role: "interviewer", content: "second" },
    });
    await saveMessage({ db: database.db, message: { ...first, content: "a replay must not overwrite" } });
    const rows = await listMessagesByInterview({ db: database.db, interviewId: interview.id });
    expect(rows.map((r) => r.content)).toEqual(["first", "second"]);
  });

  it("rejects a message for a missing interview with a typed error", async () => {
    await expect(
      saveMessage({
        db: database.db,
        message: { id: randomUUID(), interviewId: randomUUID(), role: "candidate", content: "orphan" },
      }),
    ).rejects.toMatchObject({ name: "DatabaseError", code: "db:save_message" });
  });
});
