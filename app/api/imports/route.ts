import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_LEVEL } from "@/lib/framework";
import { handleRoute, IMPORT_MAX_BODY_BYTES, parseJsonBody } from "@/lib/http/handle-route";
import { levelSchema, scenarioIdSchema } from "@/lib/scenarios/schema";
import { parseImportedTranscript } from "@/lib/transcripts/parse-import";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { storeImportedInterview } from "@/services/interviews/interview-service";
import { limitCurrentUser } from "@/services/rate-limits";
import { scoreWithCitations } from "@/services/score";

const importBody = z.object({
  scenarioId: scenarioIdSchema,
  level: levelSchema.default(DEFAULT_LEVEL),
  /** The pasted or uploaded text: interchange JSON, or "Interviewer:" / "Candidate:" lines. */
  text: z.string(),
});

/** POST: scores a transcript of a human mock interview and stores it like any other; a bad file stores nothing. */
export const POST = handleRoute(async (request: Request) => {
  const body = await parseJsonBody(request, importBody, { maxBytes: IMPORT_MAX_BODY_BYTES });
  await limitCurrentUser("score");
  const parsed = parseImportedTranscript(body);
  if (!parsed.ok) throw new AppError("bad_request:import", parsed.error);
  const userId = await getCurrentUserId();
  const report = await scoreWithCitations(parsed.transcript);
  const id = await storeImportedInterview(await getDatabase(), {
    transcript: parsed.transcript,
    report,
    viewer: { userId },
  });
  return NextResponse.json({ id, overall: report.overall }, { status: 201 });
});
