import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type Interview, interviews, type NewInterview } from "../schema";

export function createInterview({ db, values }: { db: Db; values: NewInterview }): Promise<Interview> {
  return withDbError("db:create_interview", async () => {
    const [row] = await db.insert(interviews).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

export function getInterviewById({ db, id }: { db: Db; id: string }): Promise<Interview | undefined> {
  return withDbError("db:get_interview", async () => {
    const [row] = await db.select().from(interviews).where(eq(interviews.id, id));
    return row;
  });
}

/** Mirrors the graph's progress onto the interview row, for listings that do not open the thread. */
export function updateInterviewProgress({
  db,
  id,
  currentStep,
  status,
  report,
}: {
  db: Db;
  id: string;
  currentStep: string;
  status: "active" | "completed";
  report?: unknown;
}): Promise<void> {
  return withDbError("db:update_interview", async () => {
    const now = new Date();
    await db
      .update(interviews)
      .set({
        currentStep,
        status,
        updatedAt: now,
        ...(status === "completed" ? { completedAt: now } : {}),
        ...(report ? { report } : {}),
      })
      .where(and(eq(interviews.id, id)));
  });
}

export function listInterviewsByUser({ db, userId }: { db: Db; userId: string }): Promise<Interview[]> {
  return withDbError("db:list_interviews", () =>
    db.select().from(interviews).where(eq(interviews.userId, userId)).orderBy(desc(interviews.createdAt)),
  );
}
