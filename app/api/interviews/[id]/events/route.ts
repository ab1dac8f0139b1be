import { afterSeqOf } from "@/lib/http/after-seq";
import { handleRoute } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { openInterviewWatch } from "@/services/interviews/watch-interview";
import { interviewIdParam } from "../../schemas";

/**
 * GET: the interview's live events as server-sent events, each with its sequence number as the
 * event id: the candidate's and the interviewer's stored messages, the reply's words as they are
 * produced, step changes, check cards and the report. A browser that reconnects sends
 * `Last-Event-ID` and gets what it missed; a new watcher passes `?after=` the `eventSeq` of the
 * view it shows. Works whichever server the events came from.
 */
export const GET = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const interviewId = interviewIdParam.parse((await context.params).id);
  const afterSeq = afterSeqOf(request);
  const database = await getDatabase();
  const watch = await openInterviewWatch(database, {
    interviewId,
    viewer: { userId: await getCurrentUserId() },
    afterSeq,
  });
  return streamResponse(request, "sse", async ({ send, signal }) => {
    for await (const { seq, event } of watch(signal)) send(event, seq);
  });
});
