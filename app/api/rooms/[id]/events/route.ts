import { afterSeqOf } from "@/lib/http/after-seq";
import { handleRoute } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { openRoomWatch } from "@/services/rooms/room-watch";
import { roomIdParam } from "../../schemas";

/**
 * GET: the room's live events as server-sent events (who joined or was removed, the host,
 * rounds started and ended), each with its sequence number as the id; members only. The stream
 * ends the moment the viewer is removed, on whichever server they are connected to.
 */
export const GET = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const roomId = roomIdParam.parse((await context.params).id);
  const afterSeq = afterSeqOf(request);
  const watch = await openRoomWatch(await getDatabase(), { roomId, userId: await getCurrentUserId(), afterSeq });
  return streamResponse(request, "sse", async ({ send, signal }) => {
    for await (const { seq, event } of watch(signal)) send(event, seq);
  });
});
