import { NextResponse } from "next/server";
import { handleRoute } from "@/lib/http/handle-route";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { deleteInterview, getInterviewView } from "@/services/interviews/interview-service";
import { interviewIdParam } from "../schemas";

type Context = { params: Promise<{ id: string }> };

export const GET = handleRoute(async (_request: Request, context: Context) => {
  const id = interviewIdParam.parse((await context.params).id);
  return NextResponse.json(await getInterviewView(await getDatabase(), id, { userId: await getCurrentUserId() }));
});

/** Deletes the interview, its transcript, its share links and its interviewer thread. */
export const DELETE = handleRoute(async (_request: Request, context: Context) => {
  const id = interviewIdParam.parse((await context.params).id);
  await deleteInterview(await getDatabase(), id, { userId: await getCurrentUserId() });
  return new Response(null, { status: 204 });
});
