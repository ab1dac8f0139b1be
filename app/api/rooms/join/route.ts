import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { joinRoom } from "@/services/rooms/room-service";
import { joinRoomBody } from "../schemas";

/** POST: joins the room an invite link points at, under a display name. */
export const POST = handleRoute(async (request: Request) => {
  const body = await parseJsonBody(request, joinRoomBody);
  const room = await joinRoom(await getDatabase(), {
    token: body.token,
    userId: await getCurrentUserId(),
    displayName: body.displayName,
  });
  return NextResponse.json(room);
});
