/**
 * The interview length limit at its boundary. Sending 400 messages through the interviewer would
 * take minutes (and end the interview long before), so the earlier messages are stored directly
 * through the query layer; the limit counts stored rows, which is what makes that a fair stand-in.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { countMessagesByRole, getMessageById, saveMessage } from "@/db/queries/messages";
import { ensureUser } from "@/db/queries/users";
import { openTestDatabase } from "@/db/testing/test-database";
import type { TurnRole } from "@/lib/types";
import { sendCandidateMessage, startInterview } from "./interview-service";
import { MAX_INTERVIEW_MESSAGES, refuseBeyondMessageLimit } from "./message-limit";
import { sendPeerMessage, startPeerInterview } from "./peer-interview";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

const SENTENCE = "This interview has reached its limit of 400 candidate messages; start a new one to keep practising.";

/** Stores `count` messages of `role` straight into the transcript, in one transaction; returns their ids. */
async function fill(interviewId: string, count: number, role: TurnRole = "candidate"): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await database.db.transaction(async (tx) => {
    for (const id of ids) await saveMessage({ db: tx, message: { id, interviewId, role, content: "An answer." } });
  });
  return ids;
}

const count = (interviewId: string, role: TurnRole = "candidate") =>
  countMessagesByRole({ db: database.db, interviewId, role });

describe("the number of messages in an interview", () => {
  it("is 400 candidate messages, far above a real interview", () => {
    expect(MAX_INTERVIEW_MESSAGES).toBe(400);
  });

  it("lets the 400th message in and refuses the 401st with a sentence", async () => {
    const view = await startInterview(database, { scenarioId: "video-recommendation", level: "senior" });
    const stored = await fill(view.id, MAX_INTERVIEW_MESSAGES - 1);
    const input = (messageId: string) => ({ interviewId: view.id, messageId, role: "candidate" as const });
    // 399 stored: one more fits.
    await expect(refuseBeyondMessageLimit(database, input(randomUUID()))).resolves.toBeUndefined();
    await fill(view.id, 1);
    expect(await count(view.id)).toBe(400);
    // 400 stored: the next is refused, and a retry of one already stored is not a new message.
    await expect(refuseBeyondMessageLimit(database, input(randomUUID()))).rejects.toMatchObject({
      status: 409,
      code: "conflict:interview_full",
      message: SENTENCE,
    });
    await expect(refuseBeyondMessageLimit(database, input(stored[0] as string))).resolves.toBeUndefined();
    // Interviewer turns are not counted against the candidate.
    await expect(
      refuseBeyondMessageLimit(database, { ...input(randomUUID()), role: "interviewer" }),
    ).resolves.toBeUndefined();
  });

  it("refuses the 401st sent message before storing it or running the interviewer", async () => {
    const view = await startInterview(database, { scenarioId: "video-recommendation", level: "senior" });
    await fill(view.id, MAX_INTERVIEW_MESSAGES);
    const messageId = randomUUID();
    const sent = sendCandidateMessage(database, { interviewId: view.id, messageId, content: "One more answer." });
    await expect(sent).rejects.toMatchObject({ status: 409, code: "conflict:interview_full", message: SENTENCE });
    expect(await count(view.id)).toBe(MAX_INTERVIEW_MESSAGES);
    expect(await getMessageById({ db: database.db, id: messageId, interviewId: view.id })).toBeUndefined();
    // The interviewer never read the stored rows: only its opening turn is there.
    expect(await count(view.id, "interviewer")).toBe(1);
  });

  it("holds in a member-interviewed round too, for each seat", async () => {
    const userId = randomUUID();
    await ensureUser({ db: database.db, id: userId });
    const interview = await startPeerInterview(database, {
      scenarioId: "video-recommendation",
      level: "senior",
      minutes: 45,
      userId,
    });
    await fill(interview.id, MAX_INTERVIEW_MESSAGES - 1);
    const send = (role: TurnRole, messageId = randomUUID()) =>
      sendPeerMessage(database, { interviewId: interview.id, messageId, role, content: "Next point." });
    await send("candidate");
    await expect(send("candidate")).rejects.toMatchObject({ status: 409, code: "conflict:interview_full" });
    expect(await count(interview.id)).toBe(MAX_INTERVIEW_MESSAGES);
    await send("interviewer");
    expect(await count(interview.id, "interviewer")).toBe(1);
  });
});
