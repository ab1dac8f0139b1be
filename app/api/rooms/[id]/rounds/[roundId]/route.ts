import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getRoundView } from "@/services/rooms/round-service";
import { type RoundContext, roundParams } from "../params";

/** GET: the round as this member sees it (what is private to others is left out). */
export const GET = handleRoute(async (_request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  return NextResponse.json(await getRoundView(await getDatabase(), { ...ids, userId: await getCurrentUserId() }));
});
