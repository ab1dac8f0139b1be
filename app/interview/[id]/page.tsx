import { notFound, redirect } from "next/navigation";
import { InterviewChat } from "@/components/interview-chat";
import { RoundBanner } from "@/components/round-banner";
import { AppError } from "@/lib/errors";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getDiagram } from "@/services/interviews/diagram-service";
import { getInterviewView } from "@/services/interviews/interview-service";
import { findRoundOfInterview, type RoundLink } from "@/services/rooms/round-of-interview";
import { interviewIdParam } from "../../api/interviews/schemas";

export const dynamic = "force-dynamic";

export default async function InterviewPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = interviewIdParam.safeParse((await params).id);
  if (!parsed.success) notFound();
  let round: RoundLink | null = null;
  try {
    const database = await getDatabase();
    const userId = await getCurrentUserId();
    const view = await getInterviewView(database, parsed.data, { userId });
    round = await findRoundOfInterview(database, view.id);
    // A round still running is answered in its room, where the others watch and score.
    if (!round?.running) {
      // The canvas starts from the stored scene, so a reload shows the diagram without a fetch.
      const stored = await getDiagram(database, view.id, { userId });
      const chat = (
        <InterviewChat
          initialView={view}
          rubricTitles={rubricTitlesOf(view.scenarioId)}
          initialDiagram={stored && { scene: stored.scene, revision: stored.revision }}
        />
      );
      if (!round) return chat;
      const href = `/rooms/${round.roomId}/rounds/${round.roundId}`;
      return (
        <>
          <RoundBanner href={href} number={round.number} roomTitle={round.roomTitle} />
          {chat}
        </>
      );
    }
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
  redirect(`/rooms/${round.roomId}/rounds/${round.roundId}`);
}
