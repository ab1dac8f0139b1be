import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { limitCurrentUser } from "@/services/rate-limits";
import { sendRoundMessage } from "@/services/rooms/round-service";
import { roundMessageBody } from "../../../../schemas";
import { type RoundContext, roundParams } from "../../params";

/**
 * POST: the candidate's answer or the member interviewer's question. Everyone in the room,
 * the sender included, sees it and any AI reply arrive over the round's event stream.
 */
export const POST = handleRoute(async (request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  const body = await parseJsonBody(request, roundMessageBody);
  await limitCurrentUser("message");
  const round = await sendRoundMessage(await getDatabase(), {
    ...ids,
    userId: await getCurrentUserId(),
    messageId: body.id,
    content: body.content,
  });
  return NextResponse.json(round);
});
