import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { listNotesOf } from "@/services/rooms/round-notes";

/** GET: every private note this browser wrote in study rooms, newest first. */
export const GET = handleRoute(async () => {
  return NextResponse.json({ notes: await listNotesOf(await getDatabase(), await getCurrentUserId()) });
});
