import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { endRound } from "@/services/rooms/round-service";
import { type RoundContext, roundParams } from "../../params";

/** POST: ends the round (host, candidate or member interviewer); the AI scores it and peer scores open. */
export const POST = handleRoute(async (_request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  return NextResponse.json(await endRound(await getDatabase(), { ...ids, userId: await getCurrentUserId() }));
});
