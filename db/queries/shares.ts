import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { interviews, type Share, shares, users } from "../schema";

export function createShare({
  db,
  values,
}: {
  db: Db;
  values: { token: string; interviewId: string; userId: string; expiresAt: Date };
}): Promise<Share> {
  return withDbError("db:create_share", async () => {
    const [row] = await db.insert(shares).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

/** A user's links that still work: not revoked, not expired. */
export function listActiveSharesByUser({ db, userId, now }: { db: Db; userId: string; now: Date }) {
  return withDbError("db:list_shares", () =>
    db
      .select({
        token: shares.token,
        interviewId: shares.interviewId,
        createdAt: shares.createdAt,
        expiresAt: shares.expiresAt,
        scenarioId: interviews.scenarioId,
      })
      .from(shares)
      .innerJoin(interviews, eq(interviews.id, shares.interviewId))
      .where(and(eq(shares.userId, userId), isNull(shares.revokedAt), gt(shares.expiresAt, now)))
      .orderBy(desc(shares.createdAt)),
  );
}

/** Revokes one of the user's links; returns false when the user has no such link. */
export function revokeShare({
  db,
  token,
  userId,
  now,
}: {
  db: Db;
  token: string;
  userId: string;
  now: Date;
}): Promise<boolean> {
  return withDbError("db:revoke_share", async () => {
    const rows = await db
      .update(shares)
      .set({ revokedAt: now })
      .where(and(eq(shares.token, token), eq(shares.userId, userId)))
      .returning({ token: shares.token });
    return rows.length > 0;
  });
}

/** A link with its owner's display name (the only thing about the owner a shared page shows). */
export function getShareByToken({ db, token }: { db: Db; token: string }) {
  return withDbError("db:get_share", async () => {
    const [row] = await db
      .select({
        token: shares.token,
        interviewId: shares.interviewId,
        expiresAt: shares.expiresAt,
        revokedAt: shares.revokedAt,
        displayName: users.displayName,
      })
      .from(shares)
      .innerJoin(users, eq(users.id, shares.userId))
      .where(eq(shares.token, token));
    return row;
  });
}
