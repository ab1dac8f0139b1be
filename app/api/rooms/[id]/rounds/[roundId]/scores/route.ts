import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { saveRoundScores } from "@/services/rooms/round-scoring";
import { roundScoresBody } from "../../../../schemas";
import { type RoundContext, roundParams } from "../../params";

/** PUT: this member's ticks (and quotes) for one step, replacing their earlier ones for it. */
export const PUT = handleRoute(async (request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  const body = await parseJsonBody(request, roundScoresBody);
  const myScores = await saveRoundScores(await getDatabase(), { ...ids, userId: await getCurrentUserId(), ...body });
  return NextResponse.json({ myScores });
});
