import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute } from "@/lib/http/handle-route";
import { getPassage } from "@/services/passages";

const chunkId = z.string().min(1).max(200);

/** GET /api/passages/:chunkId: one case-study passage, for citations that expand. */
export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = chunkId.parse(decodeURIComponent((await context.params).id));
  return NextResponse.json(await getPassage(id));
});
