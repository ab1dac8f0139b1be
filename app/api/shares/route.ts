import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { listShares } from "@/services/shares";

/** GET: this browser's share links that still work. */
export const GET = handleRoute(async () => NextResponse.json({ shares: await listShares(await getCurrentUserId()) }));
