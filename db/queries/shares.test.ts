import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isShareUsable } from "@/lib/shares/is-share-usable";
import type { Database } from "../client";
import { openTestDatabase } from "../testing/test-database";
import { createInterview, deleteInterviewById } from "./interviews";
import { createShare, getShareByToken, listActiveSharesByUser, revokeShare } from "./shares";
import { ensureUser, updateDisplayName } from "./users";

let database: Database;
const owner = randomUUID();
const other = randomUUID();
const day = 86_400_000;

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureUser({ db: database.db, id: owner });
  await ensureUser({ db: database.db, id: other });
  await updateDisplayName({ db: database.db, id: owner, displayName: "Ada" });
});
afterAll(async () => database.close());

async function interviewWithShare(token: string, expiresInMs: number) {
  const interview = await createInterview({
    db: database.db,
    values: { userId: owner, scenarioId: "news-feed", level: "senior", currentStep: "monitoring" },
  });
  await createShare({
    db: database.db,
    values: { token, interviewId: interview.id, userId: owner, expiresAt: new Date(Date.now() + expiresInMs) },
  });
  return interview;
}

describe("share links", () => {
  it("lists only live links, and a link stops working when it expires or is revoked", async () => {
    const now = new Date();
    await interviewWithShare("live-token-000000000000", 7 * day);
    await interviewWithShare("expired-token-000000000", -1000);
    await interviewWithShare("revoked-token-000000000", 7 * day);
    expect(await revokeShare({ db: database.db, token: "revoked-token-000000000", userId: other, now })).toBe(false);
    expect(await revokeShare({ db: database.db, token: "revoked-token-000000000", userId: owner, now })).toBe(true);
    const active = await listActiveSharesByUser({ db: database.db, userId: owner, now: new Date() });
    expect(active.map((s) => s.token)).toEqual(["live-token-000000000000"]);
    const check = async (token: string) => isShareUsable(await getShareByToken({ db: database.db, token }), new Date());
    expect(await check("live-token-000000000000")).toBe(true);
    expect(await check("expired-token-000000000")).toBe(false);
    expect(await check("revoked-token-000000000")).toBe(false);
    expect(await check("no-such-token")).toBe(false);
    const live = await getShareByToken({ db: database.db, token: "live-token-000000000000" });
    expect(live?.displayName).toBe("Ada");
    expect(isShareUsable(live, new Date(Date.now() + 8 * day))).toBe(false);
  });

  it("goes away with its interview when the owner deletes it", async () => {
    const interview = await interviewWithShare("deleted-token-000000000", day);
    await deleteInterviewById({ db: database.db, id: interview.id });
    expect(await getShareByToken({ db: database.db, token: "deleted-token-000000000" })).toBeUndefined();
  });
});
