import { afterSeqOf } from "@/lib/http/after-seq";
import { handleRoute } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { openRoundWatch } from "@/services/rooms/room-watch";
import { type RoundContext, roundParams } from "../../params";

/**
 * GET: the round's interview events as server-sent events: messages as stored, the AI's reply
 * word by word, steps, check cards and the report, numbered as the interview numbers them.
 * Members only; the stream ends the moment the viewer is removed from the room.
 */
export const GET = handleRoute(async (request: Request, context: RoundContext) => {
  const ids = await roundParams(context);
  const afterSeq = afterSeqOf(request);
  const watch = await openRoundWatch(await getDatabase(), { ...ids, userId: await getCurrentUserId(), afterSeq });
  return streamResponse(request, "sse", async ({ send, signal }) => {
    for await (const { seq, event } of watch(signal)) send(event, seq);
  });
});
