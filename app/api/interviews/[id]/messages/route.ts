import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { sendCandidateMessage } from "@/services/interviews/interview-service";
import { awaitPendingChecks } from "@/services/interviews/pending-checks";
import { limitCurrentUser } from "@/services/rate-limits";
import { candidateMessageBody, interviewIdParam } from "../../schemas";

/**
 * Stores the candidate's message, then lets the interviewer answer. With
 * `Accept: application/x-ndjson` the reply streams as it is produced (lib/streams/stream-event.ts): `token` events, a
 * `reset` if a model reply is abandoned for the offline one, then the final `view` (or an `error`).
 * When the reply announced a pipeline check, the stream stays open after the view for its
 * `check-progress` events and the finished `check` card, then closes.
 */
export const POST = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const interviewId = interviewIdParam.parse((await context.params).id);
  const body = await parseJsonBody(request, candidateMessageBody);
  await limitCurrentUser("message");
  const database = await getDatabase();
  const message = {
    interviewId,
    messageId: body.id,
    content: body.content,
    viewer: { userId: await getCurrentUserId() },
  };
  if (!request.headers.get("accept")?.includes("application/x-ndjson")) {
    return NextResponse.json(await sendCandidateMessage(database, message));
  }
  return streamResponse(request, "ndjson", async ({ send }) => {
    const view = await sendCandidateMessage(database, message, send);
    send({ type: "view", view });
    await awaitPendingChecks(
      database,
      view,
      (turnId, card) => send({ type: "check", turnId, card }),
      (turnId, progress) => send({ type: "check-progress", turnId, message: progress }),
    );
  });
});
