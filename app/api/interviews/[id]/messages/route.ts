import { NextResponse } from "next/server";
import { sendCandidateMessage } from "@/agents/interviewer/session";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getDatabase } from "@/lib/server/database";
import { candidateMessageBody, interviewIdParam } from "../../schemas";

export const POST = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const interviewId = interviewIdParam.parse((await context.params).id);
  const body = await parseJsonBody(request, candidateMessageBody);
  const view = await sendCandidateMessage(await getDatabase(), {
    interviewId,
    messageId: body.id,
    content: body.content,
  });
  return NextResponse.json(view);
});
