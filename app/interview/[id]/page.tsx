import { notFound } from "next/navigation";
import { getInterviewView } from "@/agents/interviewer/session";
import { InterviewChat } from "@/components/interview-chat";
import { AppError } from "@/lib/errors";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { getCurrentUserId } from "@/lib/server/current-user";
import { getDatabase } from "@/lib/server/database";
import { interviewIdParam } from "../../api/interviews/schemas";

export const dynamic = "force-dynamic";

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = interviewIdParam.safeParse((await params).id);
  if (!parsed.success) notFound();
  try {
    const view = await getInterviewView(await getDatabase(), parsed.data, { userId: await getCurrentUserId() });
    return <InterviewChat initialView={view} rubricTitles={rubricTitlesOf(view.scenarioId)} />;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
