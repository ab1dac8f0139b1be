import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute, parsePathParam } from "@/lib/http/handle-route";
import { getPassage } from "@/services/passages";

const chunkId = z.string().min(1).max(200);

/** GET /api/passages/:chunkId: one case-study passage, for citations that expand. */
export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  // Next.js has already decoded the path segment once: decoding again would turn "%25" into a bad escape.
  const id = parsePathParam(chunkId, (await context.params).id);
  return NextResponse.json(await getPassage(id));
});
