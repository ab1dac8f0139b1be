import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { inviteToRoom } from "@/services/rooms/room-service";
import { inviteBody, roomIdParam } from "../../schemas";

/** POST: a new invite link valid for 1 or 7 (default) days; host only. */
export const POST = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const roomId = roomIdParam.parse((await context.params).id);
  const { days } = await parseJsonBody(request, inviteBody);
  const invite = await inviteToRoom(await getDatabase(), { roomId, userId: await getCurrentUserId(), days });
  return NextResponse.json(
    { ...invite, url: `${new URL(request.url).origin}/rooms/join#${invite.token}` },
    { status: 201 },
  );
});
