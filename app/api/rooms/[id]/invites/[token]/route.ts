import { z } from "zod";
import { handleRoute, parsePathParam } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { revokeInvite } from "@/services/rooms/room-service";
import { roomIdParam } from "../../../schemas";

const tokenParam = z.string().min(1).max(200, "not an invite token");

/** DELETE: revokes an invite link; host only. */
export const DELETE = handleRoute(
  async (_request: Request, context: { params: Promise<{ id: string; token: string }> }) => {
    const params = await context.params;
    await revokeInvite(await getDatabase(), {
      roomId: roomIdParam.parse(params.id),
      userId: await getCurrentUserId(),
      token: parsePathParam(tokenParam, params.token),
    });
    return new Response(null, { status: 204 });
  },
);
