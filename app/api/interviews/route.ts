import { NextResponse } from "next/server";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { startInterview } from "@/services/interviews/interview-service";
import { limitCurrentUser } from "@/services/rate-limits";
import { startInterviewBody } from "./schemas";

export const POST = handleRoute(async (request: Request) => {
  const body = await parseJsonBody(request, startInterviewBody);
  await limitCurrentUser("interview");
  const view = await startInterview(await getDatabase(), { ...body, userId: await getCurrentUserId() });
  return NextResponse.json(view, { status: 201 });
});
