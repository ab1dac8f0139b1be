import { notFound } from "next/navigation";
import { InterviewChat } from "@/components/interview-chat";
import { AppError } from "@/lib/errors";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getInterviewView } from "@/services/interviews/interview-service";
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
