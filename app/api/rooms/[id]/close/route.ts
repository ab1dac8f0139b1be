import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { closeRoom } from "@/services/rooms/room-service";
import { roomIdParam } from "../../schemas";

/** POST: closes the room for good; host only. */
export const POST = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const roomId = roomIdParam.parse((await context.params).id);
  return NextResponse.json(await closeRoom(await getDatabase(), { roomId, userId: await getCurrentUserId() }));
});
