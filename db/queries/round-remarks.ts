import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { StepId } from "@/lib/domain/framework";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type RoundRemark, type RoundScore, roomRounds, rooms, roundRemarks, roundScores } from "../schema";

/**
 * Replaces one scorer's ticks for one step of a round in one transaction, so a sheet saved
 * twice from two tabs ends as one of them, never a mixture.
 */
export function replaceStepScores({
  db,
  roundId,
  scorerUserId,
  step,
  items,
}: {
  db: Db;
  roundId: string;
  scorerUserId: string;
  step: StepId;
  items: Array<Pick<RoundScore, "rubricId" | "ticked" | "quote" | "quoteMessageId">>;
}): Promise<void> {
  return withDbError("db:replace_step_scores", () =>
    db.transaction(async (tx) => {
      await tx
        .delete(roundScores)
        .where(
          and(eq(roundScores.roundId, roundId), eq(roundScores.scorerUserId, scorerUserId), eq(roundScores.step, step)),
        );
      if (items.length === 0) return;
      await tx.insert(roundScores).values(items.map((item) => ({ ...item, roundId, scorerUserId, step })));
    }),
  );
}

/** A round's ticks: one scorer's, or everyone's. */
export function listRoundScores({
  db,
  roundId,
  scorerUserId,
}: {
  db: Db;
  roundId: string;
  scorerUserId?: string;
}): Promise<RoundScore[]> {
  return withDbError("db:list_round_scores", () =>
    db
      .select()
      .from(roundScores)
      .where(
        scorerUserId
          ? and(eq(roundScores.roundId, roundId), eq(roundScores.scorerUserId, scorerUserId))
          : eq(roundScores.roundId, roundId),
      ),
  );
}

export function addRoundRemark({
  db,
  values,
}: {
  db: Db;
  values: Pick<RoundRemark, "roundId" | "authorUserId" | "kind" | "messageId" | "body">;
}): Promise<RoundRemark> {
  return withDbError("db:add_round_remark", async () => {
    const [row] = await db.insert(roundRemarks).values(values).returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  });
}

/** A round's comments or notes, oldest first: one author's, or everyone's. */
export function listRoundRemarks({
  db,
  roundId,
  kind,
  authorUserId,
}: {
  db: Db;
  roundId: string;
  kind: RoundRemark["kind"];
  authorUserId?: string;
}): Promise<RoundRemark[]> {
  const where = [eq(roundRemarks.roundId, roundId), eq(roundRemarks.kind, kind)];
  if (authorUserId) where.push(eq(roundRemarks.authorUserId, authorUserId));
  return withDbError("db:list_round_remarks", () =>
    db
      .select()
      .from(roundRemarks)
      .where(and(...where))
      .orderBy(asc(roundRemarks.createdAt)),
  );
}

/** Every note a member wrote, newest first, with the round and room it was written in. */
export function listNotesByAuthor({ db, authorUserId, limit = 500 }: { db: Db; authorUserId: string; limit?: number }) {
  return withDbError("db:list_notes_by_author", () =>
    db
      .select({ note: roundRemarks, round: roomRounds, room: { id: rooms.id, title: rooms.title } })
      .from(roundRemarks)
      .innerJoin(roomRounds, eq(roomRounds.id, roundRemarks.roundId))
      .innerJoin(rooms, eq(rooms.id, roomRounds.roomId))
      .where(and(eq(roundRemarks.authorUserId, authorUserId), inArray(roundRemarks.kind, ["note"])))
      .orderBy(desc(roundRemarks.createdAt))
      .limit(limit),
  );
}
