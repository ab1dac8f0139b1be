import { NextResponse } from "next/server";
import { startInterview } from "@/agents/interviewer/session";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/lib/server/current-user";
import { getDatabase } from "@/lib/server/database";
import { startInterviewBody } from "./schemas";

export const POST = handleRoute(async (request: Request) => {
  const body = await parseJsonBody(request, startInterviewBody);
  const view = await startInterview(await getDatabase(), { ...body, userId: await getCurrentUserId() });
  return NextResponse.json(view, { status: 201 });
});
