import type { Database } from "@/db/client";
import { getMessageById } from "@/db/queries/messages";
import { addRoundRemark, listNotesByAuthor } from "@/db/queries/round-remarks";
import { AppError } from "@/lib/errors";
import type { NoteInHistory, RoundNote } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";
import { requireRoundReader } from "./round-access";
import { toNote } from "./round-view";

/**
 * A private note, timestamped and tied to the message it was written at. Only its author ever
 * reads it, in the round and in their history, even after leaving the room.
 */
export async function addRoundNote(
  database: Database,
  input: { roomId: string; roundId: string; userId: string; messageId: string | null; body: string },
): Promise<RoundNote> {
  const { round } = await requireRoundReader(database, input);
  if (input.messageId) {
    const message = await getMessageById({ db: database.db, id: input.messageId, interviewId: round.interviewId });
    if (!message) throw new AppError("bad_request:round_message", "That message is not part of this round.");
  }
  const row = await addRoundRemark({
    db: database.db,
    values: {
      roundId: round.id,
      authorUserId: input.userId,
      kind: "note",
      messageId: input.messageId,
      body: input.body,
    },
  });
  return toNote(row);
}

/** Every note `userId` wrote, newest first, with the round it belongs to. */
export async function listNotesOf(database: Database, userId: string): Promise<NoteInHistory[]> {
  const rows = await listNotesByAuthor({ db: database.db, authorUserId: userId });
  return rows.map(({ note, round, room }) => ({
    ...toNote(note),
    roomId: room.id,
    roomTitle: room.title,
    roundId: round.id,
    roundNumber: round.number,
    scenarioTitle: getScenario(round.scenarioId).title,
  }));
}
