import { and, asc, eq, gt, inArray, lt, max } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type InterviewEventKind, type InterviewEventRow, interviewEvents } from "../schema";
import { appendSequencedEvent } from "./sequenced-events";

/** The channel every server LISTENs on; a notification carries `<interviewId>:<seq>` and nothing else. */
export const INTERVIEW_EVENTS_CHANNEL = "probe_interview_events";

/** Appends an event with the interview's next number and notifies every server (see appendSequencedEvent). */
export function appendInterviewEvent({
  db,
  interviewId,
  kind,
  data,
}: {
  db: Db;
  interviewId: string;
  kind: InterviewEventKind;
  data: Record<string, string>;
}): Promise<number> {
  return withDbError("db:append_interview_event", () =>
    appendSequencedEvent(
      db,
      { table: "interview_events", keyColumn: "interview_id", channel: INTERVIEW_EVENTS_CHANNEL },
      { key: interviewId, kind, data },
    ),
  );
}

/** The interview's events after `afterSeq`, oldest first, at most `limit`. */
export function listInterviewEventsAfter({
  db,
  interviewId,
  afterSeq,
  limit = 500,
}: {
  db: Db;
  interviewId: string;
  afterSeq: number;
  limit?: number;
}): Promise<InterviewEventRow[]> {
  return withDbError("db:list_interview_events", () =>
    db
      .select()
      .from(interviewEvents)
      .where(and(eq(interviewEvents.interviewId, interviewId), gt(interviewEvents.seq, afterSeq)))
      .orderBy(asc(interviewEvents.seq))
      .limit(limit),
  );
}

/** The interview's latest sequence number, 0 before its first event. */
export function getLatestInterviewEventSeq({ db, interviewId }: { db: Db; interviewId: string }): Promise<number> {
  return withDbError("db:latest_interview_event", async () => {
    const [row] = await db
      .select({ seq: max(interviewEvents.seq) })
      .from(interviewEvents)
      .where(eq(interviewEvents.interviewId, interviewId));
    return row?.seq ?? 0;
  });
}

/**
 * Drops the streamed words (and resets) before `beforeSeq` once the reply they built is stored:
 * that message says all they said, so a watcher resuming from an earlier number loses nothing,
 * and a long interview does not keep thousands of word rows.
 */
export function deleteStreamedWordsBefore({
  db,
  interviewId,
  beforeSeq,
}: {
  db: Db;
  interviewId: string;
  beforeSeq: number;
}): Promise<number> {
  return withDbError("db:delete_streamed_words", async () => {
    const deleted = await db
      .delete(interviewEvents)
      .where(
        and(
          eq(interviewEvents.interviewId, interviewId),
          lt(interviewEvents.seq, beforeSeq),
          inArray(interviewEvents.kind, ["token", "reset"]),
        ),
      )
      .returning({ seq: interviewEvents.seq });
    return deleted.length;
  });
}
