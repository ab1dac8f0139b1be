import { notFound } from "next/navigation";
import { getInterviewView } from "@/agents/interviewer/session";
import { InterviewChat } from "@/components/interview-chat";
import { AppError } from "@/lib/errors";
import { STEP_IDS } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";
import { getDatabase } from "@/lib/server/database";
import { interviewIdParam } from "../../api/interviews/schemas";

export const dynamic = "force-dynamic";

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = interviewIdParam.safeParse((await params).id);
  if (!parsed.success) notFound();
  try {
    const view = await getInterviewView(await getDatabase(), parsed.data);
    const scenario = getScenario(view.scenarioId);
    const rubricTitles = Object.fromEntries(
      STEP_IDS.flatMap((step) => scenario.steps[step].rubric.map((item) => [item.id, item.title])),
    );
    return <InterviewChat initialView={view} rubricTitles={rubricTitles} />;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
