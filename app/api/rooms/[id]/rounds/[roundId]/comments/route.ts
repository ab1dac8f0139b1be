import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { addRoundComment } from "@/services/rooms/round-scoring";
import { roundCommentBody } from "../../../../schemas";
import { type RoundContext, roundParams } from "../../params";

/** POST: a comment on one message; the room reads it when the round ends. */
export const POST = handleRoute(async (request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  const body = await parseJsonBody(request, roundCommentBody);
  const comment = await addRoundComment(await getDatabase(), { ...ids, userId: await getCurrentUserId(), ...body });
  return NextResponse.json(comment, { status: 201 });
});
