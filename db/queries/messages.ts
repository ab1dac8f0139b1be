import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { withDbError } from "../errors";
import { type Message, messages, type NewMessage } from "../schema";

/** Inserts a message once: a second save of the same id is ignored, so replays cannot double it. */
export function saveMessage({ db, message }: { db: Db; message: NewMessage }): Promise<void> {
  return withDbError("db:save_message", async () => {
    await db.insert(messages).values(message).onConflictDoNothing({ target: messages.id });
  });
}

export function listMessagesByInterview({ db, interviewId }: { db: Db; interviewId: string }): Promise<Message[]> {
  return withDbError("db:list_messages", () =>
    db.select().from(messages).where(eq(messages.interviewId, interviewId)).orderBy(asc(messages.seq)),
  );
}
