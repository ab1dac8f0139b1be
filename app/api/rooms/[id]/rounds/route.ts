import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { limitCurrentUser } from "@/services/rate-limits";
import { startRound } from "@/services/rooms/round-service";
import { roomIdParam, startRoundBody } from "../../schemas";

/** POST: the host starts a round: a candidate, the AI or a member interviewing, everyone else observing. */
export const POST = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const roomId = roomIdParam.parse((await context.params).id);
  const body = await parseJsonBody(request, startRoundBody);
  await limitCurrentUser("interview");
  const round = await startRound(await getDatabase(), { roomId, userId: await getCurrentUserId(), ...body });
  return NextResponse.json(round, { status: 201 });
});
