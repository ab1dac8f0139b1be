import { randomBytes } from "node:crypto";
import { createShare, getShareByToken, listActiveSharesByUser, revokeShare } from "@/db/queries/shares";
import { AppError } from "@/lib/errors";
import { isShareUsable } from "@/lib/shares/is-share-usable";
import type { InterviewView } from "@/lib/types";
import { getInterviewView } from "@/services/interviews/interview-service";
import { getDatabase } from "./database";

export const SHARE_DAYS = [1, 7, 30] as const;

/** 32 random bytes: 256 bits, far beyond guessing. */
function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Creates a read-only link to one of the owner's interviews, valid for `days`. */
export async function shareInterview({
  interviewId,
  userId,
  days,
}: {
  interviewId: string;
  userId: string;
  days: number;
}) {
  const database = await getDatabase();
  await getInterviewView(database, interviewId, { userId });
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const share = await createShare({ db: database.db, values: { token: newToken(), interviewId, userId, expiresAt } });
  return { token: share.token, interviewId, expiresAt: share.expiresAt.toISOString() };
}

export async function listShares(userId: string) {
  const rows = await listActiveSharesByUser({ db: (await getDatabase()).db, userId, now: new Date() });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}

export async function revokeOwnShare({ token, userId }: { token: string; userId: string }): Promise<void> {
  const revoked = await revokeShare({ db: (await getDatabase()).db, token, userId, now: new Date() });
  if (!revoked) throw new AppError("not_found:share", "You have no share link with that token.");
}

export type SharedView = { state: "ok"; view: InterviewView; displayName: string | null } | { state: "unavailable" };

/** What a share link shows: the one interview and a display name, or nothing once expired or revoked. */
export async function openShare(token: string, now = new Date()): Promise<SharedView> {
  const database = await getDatabase();
  const share = await getShareByToken({ db: database.db, token });
  if (!share || !isShareUsable(share, now)) return { state: "unavailable" };
  const view = await getInterviewView(database, share.interviewId);
  return { state: "ok", view, displayName: share.displayName };
}
