import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { addRoundNote } from "@/services/rooms/round-notes";
import { roundNoteBody } from "../../../../schemas";
import { type RoundContext, roundParams } from "../../params";

/** POST: a private note, timestamped and tied to the message it was written at. */
export const POST = handleRoute(async (request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  const body = await parseJsonBody(request, roundNoteBody);
  const note = await addRoundNote(await getDatabase(), { ...ids, userId: await getCurrentUserId(), ...body });
  return NextResponse.json(note, { status: 201 });
});
