import { NextResponse } from "next/server";
import { getInterviewView } from "@/agents/interviewer/session";
import { handleRoute } from "@/lib/http/handle-route";
import { getDatabase } from "@/lib/server/database";
import { interviewIdParam } from "../schemas";

export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const id = interviewIdParam.parse((await context.params).id);
  return NextResponse.json(await getInterviewView(await getDatabase(), id));
});
