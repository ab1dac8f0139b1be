import type { Database } from "@/db/client";
import { createInterview, getInterviewById, updateInterviewProgress } from "@/db/queries/interviews";
import { listMessagesByInterview, saveMessageOnce } from "@/db/queries/messages";
import type { Interview } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Level, type ScenarioId, STEP_IDS, type StepId } from "@/lib/framework";
import type { TurnRole } from "@/lib/types";
import { getInterviewEventBus } from "@/services/events/interview-event-bus";
import { scoreWithCitations } from "@/services/score";
import { messageIdConflict } from "./message-id-conflict";
import { refuseBeyondMessageLimit } from "./message-limit";
import { withTurnLock } from "./turn-lock";

/**
 * Interviews where a person asks the questions (a study-room round with a member in the
 * interviewer's seat): no interviewer graph runs. Messages, step changes and the report go
 * through the same table, turn lock and live events as any interview, so watchers, history and
 * the transcript export treat them alike; the AI still scores the transcript at the end.
 */

async function requireActivePeerInterview(database: Database, interviewId: string): Promise<Interview> {
  const interview = await getInterviewById({ db: database.db, id: interviewId });
  if (interview?.source !== "peer") throw new AppError("not_found:interview", "This interview does not exist.");
  if (interview.status === "completed") throw new AppError("conflict:interview", "This round has ended.");
  return interview;
}

/** Creates the candidate's interview for a member-interviewed round. */
export function startPeerInterview(
  database: Database,
  input: { scenarioId: ScenarioId; level: Level; minutes: number; userId: string },
): Promise<Interview> {
  return createInterview({
    db: database.db,
    values: { ...input, source: "peer", currentStep: STEP_IDS[0] },
  });
}

/** Stores one message (the candidate's or the member interviewer's) and announces it. */
export async function sendPeerMessage(
  database: Database,
  input: { interviewId: string; messageId: string; role: TurnRole; content: string },
): Promise<void> {
  await withTurnLock(database, input.interviewId, async () => {
    const interview = await requireActivePeerInterview(database, input.interviewId);
    await refuseBeyondMessageLimit(database, { ...input, interviewId: interview.id });
    const { outcome } = await saveMessageOnce({
      db: database.db,
      message: {
        id: input.messageId,
        interviewId: interview.id,
        role: input.role,
        step: interview.currentStep,
        content: input.content,
      },
    });
    if (outcome === "conflict") throw messageIdConflict();
    // A retried send is stored once and announced once.
    if (outcome === "stored")
      await getInterviewEventBus(database).publish(interview.id, "message", { messageId: input.messageId });
  });
}

/** Moves the interview to `step`; its clock restarts (the view reads the step's start from `updatedAt`). */
export async function movePeerInterviewToStep(
  database: Database,
  input: { interviewId: string; step: StepId },
): Promise<void> {
  await withTurnLock(database, input.interviewId, async () => {
    const interview = await requireActivePeerInterview(database, input.interviewId);
    if (interview.currentStep === input.step) return;
    await updateInterviewProgress({ db: database.db, id: interview.id, currentStep: input.step, status: "active" });
    await getInterviewEventBus(database).publish(interview.id, "step", { step: input.step });
  });
}

/**
 * Ends the interview: the AI scores the transcript as it stands, and the report is announced.
 * Also the fallback for an AI-interviewed round the interviewer did not close when asked to.
 */
export async function completeInterviewWithReport(database: Database, interviewId: string): Promise<void> {
  await withTurnLock(database, interviewId, async () => {
    const interview = await getInterviewById({ db: database.db, id: interviewId });
    if (!interview || interview.status === "completed") return;
    const rows = await listMessagesByInterview({ db: database.db, interviewId });
    const turns = rows.map((row) => ({ role: row.role, step: row.step ?? undefined, content: row.content }));
    // An empty round still gets a report (all steps at zero), so the side-by-side has an AI column.
    const report = await scoreWithCitations({
      scenarioId: interview.scenarioId,
      level: interview.level,
      turns: turns.length > 0 ? turns : [{ role: "interviewer", step: interview.currentStep, content: "(no answers)" }],
    });
    await updateInterviewProgress({
      db: database.db,
      id: interviewId,
      currentStep: interview.currentStep,
      status: "completed",
      report,
    });
    await getInterviewEventBus(database).publish(interviewId, "report");
  });
}
