import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { handOverHost } from "@/services/rooms/room-service";
import { hostBody, roomIdParam } from "../../schemas";

/** PUT: hands the host role to another member; host only. */
export const PUT = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const roomId = roomIdParam.parse((await context.params).id);
  const { userId: newHostId } = await parseJsonBody(request, hostBody);
  return NextResponse.json(
    await handOverHost(await getDatabase(), { roomId, userId: await getCurrentUserId(), newHostId }),
  );
});
