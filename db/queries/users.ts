import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type User, users } from "../schema";

export function createUser({ db, displayName }: { db: Db; displayName?: string }): Promise<User> {
  return withDbError("db:create_user", async () => {
    const [row] = await db.insert(users).values({ displayName }).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

export function getUserById({ db, id }: { db: Db; id: string }): Promise<User | undefined> {
  return withDbError("db:get_user", async () => {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  });
}

/** Creates the user row for an identity the first time it is seen; later calls change nothing. */
export function ensureUser({ db, id }: { db: Db; id: string }): Promise<void> {
  return withDbError("db:ensure_user", async () => {
    await db.insert(users).values({ id }).onConflictDoNothing({ target: users.id });
  });
}

export function updateDisplayName({
  db,
  id,
  displayName,
}: {
  db: Db;
  id: string;
  displayName: string | null;
}): Promise<void> {
  return withDbError("db:update_user", async () => {
    await db.update(users).set({ displayName }).where(eq(users.id, id));
  });
}
