import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getRoom } from "@/services/rooms/room-service";
import { roomIdParam } from "../schemas";

/** GET: the room, for its members only (anyone else gets 404). */
export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const roomId = roomIdParam.parse((await context.params).id);
  return NextResponse.json(await getRoom(await getDatabase(), roomId, await getCurrentUserId()));
});
