import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type Message, messages, type NewMessage } from "../schema";

/**
 * Inserts a message once: a second save of the same id is ignored, so replays cannot double it.
 * Resolves true when this call stored it.
 */
export function saveMessage({ db, message }: { db: Db; message: NewMessage }): Promise<boolean> {
  return withDbError("db:save_message", async () => {
    const stored = await db
      .insert(messages)
      .values(message)
      .onConflictDoNothing({ target: messages.id })
      .returning({ id: messages.id });
    return stored.length > 0;
  });
}

/** What saving a message with a chosen id did: stored it, recognised a retry, or found the id taken. */
export type MessageSaveOutcome = "stored" | "retry" | "conflict";

/**
 * Inserts a message once and says what happened. Message ids are global: the same id with the
 * same interview, role and text is a retried send ("retry", stored once); the id already used
 * by another interview or for other words is a "conflict" the caller must refuse.
 */
export async function saveMessageOnce({ db, message }: { db: Db; message: NewMessage }): Promise<MessageSaveOutcome> {
  if (await saveMessage({ db, message })) return "stored";
  const existing = await withDbError("db:get_message", async () => {
    const [row] = await db
      .select({ interviewId: messages.interviewId, role: messages.role, content: messages.content })
      .from(messages)
      .where(eq(messages.id, message.id));
    return row;
  });
  const sameSend =
    existing !== undefined &&
    existing.interviewId === message.interviewId &&
    existing.role === message.role &&
    existing.content === message.content;
  return sameSend ? "retry" : "conflict";
}

/** One message of one interview, or undefined. */
export function getMessageById({
  db,
  id,
  interviewId,
}: {
  db: Db;
  id: string;
  interviewId: string;
}): Promise<Message | undefined> {
  return withDbError("db:get_message", async () => {
    const [row] = await db
      .select()
      .from(messages)
      .where(and(eq(messages.id, id), eq(messages.interviewId, interviewId)));
    return row;
  });
}

export function listMessagesByInterview({ db, interviewId }: { db: Db; interviewId: string }): Promise<Message[]> {
  return withDbError("db:list_messages", () =>
    db.select().from(messages).where(eq(messages.interviewId, interviewId)).orderBy(asc(messages.seq)),
  );
}

/**
 * Sets the check card of a stored interviewer message (a pipeline run finished after the reply
 * was sent). Only the card changes; the message's text and its other metadata stay as they were.
 */
export function updateMessageCheck({
  db,
  id,
  interviewId,
  check,
}: {
  db: Db;
  id: string;
  interviewId: string;
  check: unknown;
}): Promise<boolean> {
  return withDbError("db:update_message_check", async () => {
    const updated = await db
      .update(messages)
      .set({
        meta: sql`jsonb_set(coalesce(${messages.meta}, '{}'::jsonb), '{check}', ${JSON.stringify(check)}::jsonb)`,
      })
      .where(and(eq(messages.id, id), eq(messages.interviewId, interviewId)))
      .returning({ id: messages.id });
    return updated.length > 0;
  });
}
