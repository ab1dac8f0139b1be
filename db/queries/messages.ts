import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type Message, messages, type NewMessage } from "../schema";

/**
 * Inserts a message once: a second save of the same id is ignored, so replays cannot double it.
 * Resolves to the stored row (with its seq and time) when this call stored it, else null, so a
 * caller holding the turn lock can extend the transcript it read instead of reading it again.
 */
export function saveMessage({ db, message }: { db: Db; message: NewMessage }): Promise<Message | null> {
  return withDbError("db:save_message", async () => {
    const [stored] = await db.insert(messages).values(message).onConflictDoNothing({ target: messages.id }).returning();
    return stored ?? null;
  });
}

/** What saving a message with a chosen id did: stored it, recognised a retry, or found the id taken. */
export type MessageSaveOutcome = "stored" | "retry" | "conflict";

/**
 * Inserts a message once and says what happened. Message ids are global: the same id with the
 * same interview, role and text is a retried send ("retry", stored once); the id already used
 * by another interview or for other words is a "conflict" the caller must refuse. A stored
 * message comes back as its row.
 */
export async function saveMessageOnce({
  db,
  message,
}: {
  db: Db;
  message: NewMessage;
}): Promise<{ outcome: MessageSaveOutcome; row: Message | null }> {
  const row = await saveMessage({ db, message });
  if (row) return { outcome: "stored", row };
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
  return { outcome: sameSend ? "retry" : "conflict", row: null };
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

/** How many messages of `role` an interview holds: the interview length limit counts them before storing one more. */
export function countMessagesByRole({
  db,
  interviewId,
  role,
}: {
  db: Db;
  interviewId: string;
  role: Message["role"];
}): Promise<number> {
  return withDbError("db:count_messages", async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(and(eq(messages.interviewId, interviewId), eq(messages.role, role)));
    return row?.n ?? 0;
  });
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
