import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { handleRoute, parseJsonBody, TRANSCRIPT_MAX_BODY_BYTES } from "@/lib/http/handle-route";
import { transcriptDiagramProblem } from "@/lib/scoring/read-transcript-diagram";
import { transcriptSchema } from "@/lib/scoring/schema";
import { limitCurrentUser } from "@/services/rate-limits";
import { scoreWithCitations } from "@/services/score";

/** POST /api/score: a transcript in the interchange format in, a score report out (as `npm run score`). */
export const POST = handleRoute(async (request: Request) => {
  const transcript = await parseJsonBody(request, transcriptSchema, { maxBytes: TRANSCRIPT_MAX_BODY_BYTES });
  const diagramProblem = transcriptDiagramProblem(transcript.diagram);
  if (diagramProblem) throw new AppError("bad_request:diagram", diagramProblem);
  await limitCurrentUser("score");
  return NextResponse.json(await scoreWithCitations(transcript));
});
