import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody, TRANSCRIPT_MAX_BODY_BYTES } from "@/lib/http/handle-route";
import { transcriptSchema } from "@/lib/scoring/schema";
import { limitCurrentUser } from "@/services/rate-limits";
import { scoreWithCitations } from "@/services/score";

/** POST /api/score: a transcript in the interchange format in, a score report out (as `npm run score`). */
export const POST = handleRoute(async (request: Request) => {
  const transcript = await parseJsonBody(request, transcriptSchema, { maxBytes: TRANSCRIPT_MAX_BODY_BYTES });
  await limitCurrentUser("score");
  return NextResponse.json(await scoreWithCitations(transcript));
});
