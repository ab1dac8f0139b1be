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
