import { getInterviewView } from "@/agents/interviewer/session";
import { handleRoute } from "@/lib/http/handle-route";
import { toTranscriptDocument } from "@/lib/interview/transcript";
import { getDatabase } from "@/lib/server/database";
import { interviewIdParam } from "../../schemas";

/** The transcript in DESIGN.md's interchange format, as a file download. */
export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = interviewIdParam.parse((await context.params).id);
  const view = await getInterviewView(await getDatabase(), id);
  const body = `${JSON.stringify(toTranscriptDocument(view), null, 2)}\n`;
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="probe-${view.scenarioId}-${id.slice(0, 8)}.json"`,
    },
  });
});
