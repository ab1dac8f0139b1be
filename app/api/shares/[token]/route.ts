import { z } from "zod";
import { handleRoute, parsePathParam } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { revokeOwnShare } from "@/services/shares";

/** DELETE: revokes one of this browser's share links at once. */
export const DELETE = handleRoute(async (_request: Request, context: { params: Promise<{ token: string }> }) => {
  const token = parsePathParam(z.string().min(10).max(100), (await context.params).token);
  await revokeOwnShare({ token, userId: await getCurrentUserId() });
  return new Response(null, { status: 204 });
});
