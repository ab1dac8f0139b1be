import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { limitCurrentUser } from "@/services/rate-limits";
import { createRoom, listRooms } from "@/services/rooms/room-service";
import { createRoomBody } from "./schemas";

/** POST: opens a study room with this browser as its host. */
export const POST = handleRoute(async (request: Request) => {
  const body = await parseJsonBody(request, createRoomBody);
  await limitCurrentUser("room");
  const room = await createRoom(await getDatabase(), {
    hostUserId: await getCurrentUserId(),
    hostName: body.displayName,
    title: body.title,
    scenarioId: body.scenarioId,
    level: body.level,
    minutes: body.minutes,
  });
  return NextResponse.json(room, { status: 201 });
});

/** GET: the rooms this browser is in, newest first. */
export const GET = handleRoute(async () => {
  return NextResponse.json({ rooms: await listRooms(await getDatabase(), await getCurrentUserId()) });
});
