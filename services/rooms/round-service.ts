import type { Database } from "@/db/client";
import { createRoomRound, listRoomRounds } from "@/db/queries/room-rounds";
import { getRoomMember } from "@/db/queries/rooms";
import { AppError } from "@/lib/errors";
import type { ScenarioId, StepId } from "@/lib/framework";
import type { RoundView } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";
import { getRoomEventBus } from "@/services/events/room-event-bus";
import { deleteInterview, sendCandidateMessage, startInterview } from "@/services/interviews/interview-service";
import {
  completeInterviewWithReport,
  movePeerInterviewToStep,
  sendPeerMessage,
  startPeerInterview,
} from "@/services/interviews/peer-interview";
import { requireHost, requireOpen } from "./room-access";
import { requireRunningRound } from "./round-access";
import { finishRoundIfInterviewEnded } from "./round-lifecycle";
import { getRoundView } from "./round-view";

export { getRoundView } from "./round-view";

interface RoundRef {
  roomId: string;
  roundId: string;
  userId: string;
}

async function requireCurrentMember(database: Database, roomId: string, userId: string, seat: string) {
  const member = await getRoomMember({ db: database.db, roomId, userId });
  if (!member || member.removedAt) throw new AppError("bad_request:round_seat", `The ${seat} must be in the room.`);
}

/**
 * Starts a round (host only): one member answers, the AI or another member interviews, everyone
 * else observes. The round is an ordinary interview owned by the candidate, so it is in their
 * history. Only one round runs at a time; the host rotates seats by starting the next one.
 */
export async function startRound(
  database: Database,
  input: { roomId: string; userId: string; candidateId: string; interviewerId: string | null; scenarioId?: ScenarioId },
): Promise<RoundView> {
  const room = await requireHost(database, input.roomId, input.userId);
  requireOpen(room);
  const scenarioId = room.scenarioId ?? input.scenarioId;
  if (!scenarioId) throw new AppError("bad_request:round_scenario", "Choose a scenario for this round.");
  getScenario(scenarioId);
  await requireCurrentMember(database, room.id, input.candidateId, "candidate");
  if (input.interviewerId) {
    if (input.interviewerId === input.candidateId) {
      throw new AppError("bad_request:round_seat", "The candidate cannot also be the interviewer.");
    }
    await requireCurrentMember(database, room.id, input.interviewerId, "interviewer");
  }
  const running = () =>
    new AppError("conflict:round_running", "A round is still running: end it before starting the next.");
  if ((await listRoomRounds({ db: database.db, roomId: room.id })).some((r) => r.status === "running")) throw running();
  const interviewId = input.interviewerId
    ? (
        await startPeerInterview(database, {
          scenarioId,
          level: room.level,
          minutes: room.minutes,
          userId: input.candidateId,
        })
      ).id
    : (
        await startInterview(database, {
          scenarioId,
          level: room.level,
          minutes: room.minutes,
          userId: input.candidateId,
        })
      ).id;
  const round = await createRoomRound({
    db: database.db,
    values: {
      roomId: room.id,
      scenarioId,
      interviewId,
      candidateUserId: input.candidateId,
      interviewerUserId: input.interviewerId,
    },
  });
  if (!round) {
    // Another server started a round first: this one's interview is not kept.
    await deleteInterview(database, interviewId, { userId: input.candidateId });
    throw running();
  }
  await getRoomEventBus(database).publish(room.id, "round-started", { roundId: round.id });
  return getRoundView(database, { roomId: room.id, roundId: round.id, userId: input.userId });
}

/**
 * A message in a running round: the candidate answers (the AI replies when it interviews, its
 * words reaching every watcher live), or the member interviewer asks. Observers only watch.
 */
export async function sendRoundMessage(
  database: Database,
  input: RoundRef & { messageId: string; content: string },
): Promise<RoundView> {
  const { round, seat } = await requireRunningRound(database, input);
  const message = { interviewId: round.interviewId, messageId: input.messageId, content: input.content };
  if (seat === "candidate" && !round.interviewerUserId) {
    await sendCandidateMessage(database, { ...message, viewer: { userId: input.userId } });
  } else if (seat === "candidate" || seat === "interviewer") {
    await sendPeerMessage(database, { ...message, role: seat });
  } else {
    throw new AppError("forbidden:round_seat", "Only the candidate and the interviewer write in a round.");
  }
  await finishRoundIfInterviewEnded(database, round);
  return getRoundView(database, input);
}

/** Moves a member-interviewed round to another step (the member interviewer's call). */
export async function setRoundStep(database: Database, input: RoundRef & { step: StepId }): Promise<RoundView> {
  const { round, seat } = await requireRunningRound(database, input);
  if (seat !== "interviewer") {
    throw new AppError("forbidden:round_seat", "Only a member in the interviewer's seat moves the round on.");
  }
  await movePeerInterviewToStep(database, { interviewId: round.interviewId, step: input.step });
  return getRoundView(database, input);
}

/**
 * Ends a running round (the host, the candidate or the member interviewer): the AI scores the
 * interview, and every peer's scores and comments become readable beside its report. An AI round
 * ends the way the candidate's own End interview button ends an interview.
 */
export async function endRound(database: Database, input: RoundRef): Promise<RoundView> {
  const { room, round, seat } = await requireRunningRound(database, input);
  if (seat === "observer" && room.hostUserId !== input.userId) {
    throw new AppError("forbidden:round_seat", "Only the host, the candidate or the interviewer ends a round.");
  }
  if (!round.interviewerUserId) {
    // The AI closes its interview as when the candidate presses End interview: the same words,
    // marked in the transcript with who ended it when that was not the candidate.
    const name = (await getRoomMember({ db: database.db, roomId: room.id, userId: input.userId }))?.displayName;
    await sendCandidateMessage(database, {
      interviewId: round.interviewId,
      messageId: `${round.id}:end`,
      content: "end interview",
      ...(seat === "candidate" ? {} : { notice: `${name ?? "The host"} ended the round from the study room.` }),
    }).catch((error: unknown) => {
      // Ended meanwhile (the candidate's own End interview, another server): nothing left to do.
      if (!(error instanceof AppError && error.code === "conflict:interview")) throw error;
    });
  }
  // A member-interviewed round is scored here; so is an AI one whose interviewer did not close it.
  await completeInterviewWithReport(database, round.interviewId);
  await finishRoundIfInterviewEnded(database, round);
  return getRoundView(database, input);
}
