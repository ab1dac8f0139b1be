import { NextResponse } from "next/server";
import { z } from "zod";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { SHARE_DAYS, shareInterview } from "@/services/shares";
import { interviewIdParam } from "../../schemas";

const shareBody = z.object({
  days: z
    .number()
    .refine((d) => (SHARE_DAYS as readonly number[]).includes(d), { message: "must be 1, 7 or 30" })
    .default(7),
});

/** POST: a read-only link to this interview that expires after 1, 7 (default) or 30 days. */
export const POST = handleRoute(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const interviewId = interviewIdParam.parse((await context.params).id);
  const { days } = await parseJsonBody(request, shareBody);
  const share = await shareInterview({ interviewId, userId: await getCurrentUserId(), days });
  return NextResponse.json({ ...share, url: `${new URL(request.url).origin}/s/${share.token}` }, { status: 201 });
});
