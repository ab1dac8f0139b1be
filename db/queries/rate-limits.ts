import { lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { rateLimitWindows } from "../schema";

/**
 * Counts one request in its window and returns the window's count so far, in one statement, so
 * requests racing on several servers are all counted.
 */
export function countRequestInWindow({
  db,
  userId,
  bucket,
  windowStart,
}: {
  db: Db;
  userId: string;
  bucket: string;
  windowStart: Date;
}): Promise<number> {
  return withDbError("db:count_request", async () => {
    const [row] = await db
      .insert(rateLimitWindows)
      .values({ userId, bucket, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimitWindows.userId, rateLimitWindows.bucket, rateLimitWindows.windowStart],
        set: { count: sql`${rateLimitWindows.count} + 1` },
      })
      .returning({ count: rateLimitWindows.count });
    return row?.count ?? 1;
  });
}

/** Forgets windows that ended before `before`. */
export function deleteWindowsBefore({ db, before }: { db: Db; before: Date }): Promise<void> {
  return withDbError("db:delete_rate_windows", async () => {
    await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, before));
  });
}
