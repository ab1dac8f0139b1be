import { and, desc, eq, sql } from "drizzle-orm";
import type { StepId } from "@/lib/domain/framework";
import type { ScoreReport } from "@/lib/domain/report";
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
  currentStep: StepId;
  status: "active" | "completed";
  report?: ScoreReport | null;
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

/** Deletes an interview; its messages and share links go with it (ON DELETE CASCADE). */
export function deleteInterviewById({ db, id }: { db: Db; id: string }): Promise<void> {
  return withDbError("db:delete_interview", async () => {
    await db.delete(interviews).where(eq(interviews.id, id));
  });
}

/** One row of the history page: no transcript, and only the scores out of the report. */
export interface InterviewSummaryRow {
  id: string;
  scenarioId: string;
  level: string;
  status: string;
  source: string;
  drillStep: string | null;
  createdAt: Date;
  completedAt: Date | null;
  overall: number | null;
  stepScores: number[] | null;
}

export function listInterviewSummariesByUser({
  db,
  userId,
}: {
  db: Db;
  userId: string;
}): Promise<InterviewSummaryRow[]> {
  return withDbError("db:list_interview_summaries", async () => {
    const rows = await db
      .select({
        id: interviews.id,
        scenarioId: interviews.scenarioId,
        level: interviews.level,
        status: interviews.status,
        source: interviews.source,
        drillStep: interviews.drillStep,
        createdAt: interviews.createdAt,
        completedAt: interviews.completedAt,
        overall: sql<number | null>`(${interviews.report} ->> 'overall')::int`,
        stepScores: sql<number[] | null>`jsonb_path_query_array(${interviews.report}, '$.steps[*].score')`,
      })
      .from(interviews)
      .where(eq(interviews.userId, userId))
      .orderBy(desc(interviews.createdAt));
    return rows;
  });
}
