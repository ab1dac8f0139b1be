import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { removeMember } from "@/services/rooms/room-service";
import { roomIdParam, userIdParam } from "../../../schemas";

/** DELETE: removes a member from the room at once; host only. */
export const DELETE = handleRoute(
  async (_request: Request, context: { params: Promise<{ id: string; userId: string }> }) => {
    const params = await context.params;
    await removeMember(await getDatabase(), {
      roomId: roomIdParam.parse(params.id),
      userId: await getCurrentUserId(),
      memberId: userIdParam.parse(params.userId),
    });
    return new Response(null, { status: 204 });
  },
);
