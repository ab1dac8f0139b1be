import { NextResponse } from "next/server";
import { errorResponse, handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { type InterviewEvent, sendCandidateMessage } from "@/services/interviews/interview-service";
import { awaitPendingChecks } from "@/services/interviews/pending-checks";
import { candidateMessageBody, interviewIdParam } from "../../schemas";

/**
 * Stores the candidate's message, then lets the interviewer answer. With
 * `Accept: application/x-ndjson` the reply streams as it is produced: `token` events, a
 * `reset` if a model reply is abandoned for the offline one, then the final `view` (or an `error`).
 * When the reply announced a pipeline check, the stream stays open after the view for its
 * `check-progress` events and the finished `check` card, then closes.
 */
export const POST = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const interviewId = interviewIdParam.parse((await context.params).id);
  const body = await parseJsonBody(request, candidateMessageBody);
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
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: InterviewEvent | Record<string, unknown>) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const view = await sendCandidateMessage(database, message, send);
        send({ type: "view", view });
        await awaitPendingChecks(
          database,
          view,
          (turnId, card) => send({ type: "check", turnId, card }),
          (turnId, progress) => send({ type: "check-progress", turnId, message: progress }),
        );
      } catch (error) {
        const response = errorResponse(error);
        send({ type: "error", status: response.status, ...(await response.json()) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
});
