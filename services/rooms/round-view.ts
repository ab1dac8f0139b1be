import type { Database } from "@/db/client";
import { listRoomMemberNames } from "@/db/queries/room-rounds";
import { listRoundRemarks, listRoundScores } from "@/db/queries/round-remarks";
import type { RoomRound, RoundRemark, RoundScore } from "@/db/schema";
import { compareScores } from "@/lib/rooms/compare-scores";
import { rubricAtLevel } from "@/lib/rooms/rubric-at-level";
import type { PeerScoreItem, RoundComment, RoundNote, RoundView } from "@/lib/rooms/types";
import type { InterviewView } from "@/lib/types";
import { getInterviewView } from "@/services/interviews/interview-service";
import { buildInterviewerPanel } from "./interviewer-panel";
import { FORMER_MEMBER, personIn } from "./member-names";
import { type RoundAccess, requireRoundReader } from "./round-access";
import { finishRoundIfInterviewEnded } from "./round-lifecycle";

export function toScoreItem(row: RoundScore): PeerScoreItem {
  return {
    rubricId: row.rubricId,
    step: row.step,
    ticked: row.ticked,
    quote: row.quote,
    quoteMessageId: row.quoteMessageId,
  };
}

export function toNote(row: RoundRemark): RoundNote {
  return { id: row.id, messageId: row.messageId, body: row.body, createdAt: row.createdAt.toISOString() };
}

export function toComment(row: RoundRemark, names: Map<string, string>): RoundComment {
  return {
    id: row.id,
    messageId: row.messageId ?? "",
    authorId: row.authorUserId,
    authorName: names.get(row.authorUserId) ?? FORMER_MEMBER,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Every peer's ticks beside the AI's report; only ever built for an ended round. */
async function buildPeerReport(
  database: Database,
  round: RoomRound,
  interview: InterviewView,
  names: Map<string, string>,
) {
  if (!interview.report) return null;
  const rows = await listRoundScores({ db: database.db, roundId: round.id });
  const byScorer = new Map<string, PeerScoreItem[]>();
  for (const row of rows) byScorer.set(row.scorerUserId, [...(byScorer.get(row.scorerUserId) ?? []), toScoreItem(row)]);
  return compareScores({
    scenarioId: interview.scenarioId,
    level: interview.level,
    ai: interview.report,
    peers: [...byScorer.entries()].map(([userId, items]) => ({
      userId,
      displayName: names.get(userId) ?? FORMER_MEMBER,
      items,
    })),
  });
}

/**
 * A round as `userId` sees it. Others' ticks and comments stay private until the round ends;
 * notes are only ever the reader's own; the interviewer's panel exists only for a member in
 * that seat while the round runs.
 */
export async function getRoundView(
  database: Database,
  input: { roomId: string; roundId: string; userId: string },
): Promise<RoundView> {
  const access = await requireRoundReader(database, input);
  const round = await finishRoundIfInterviewEnded(database, access.round);
  return buildRoundView(database, { ...access, round }, input.userId);
}

async function buildRoundView(database: Database, access: RoundAccess, userId: string): Promise<RoundView> {
  const { room, round, seat } = access;
  const ended = round.status === "ended";
  const [interview, names, myScores, comments, notes] = await Promise.all([
    getInterviewView(database, round.interviewId),
    listRoomMemberNames({ db: database.db, roomId: room.id }),
    listRoundScores({ db: database.db, roundId: round.id, scorerUserId: userId }),
    listRoundRemarks({
      db: database.db,
      roundId: round.id,
      kind: "comment",
      ...(ended ? {} : { authorUserId: userId }),
    }),
    listRoundRemarks({ db: database.db, roundId: round.id, kind: "note", authorUserId: userId }),
  ]);
  const person = personIn(names, room.hostUserId);
  return {
    id: round.id,
    roomId: room.id,
    roomTitle: room.title,
    number: round.number,
    status: round.status,
    seat,
    candidate: person(round.candidateUserId),
    interviewer: round.interviewerUserId ? person(round.interviewerUserId) : null,
    interview,
    rubric: rubricAtLevel(interview.scenarioId, interview.level),
    panel: seat === "interviewer" && !ended ? await buildInterviewerPanel(interview) : null,
    myScores: myScores.map(toScoreItem),
    comments: comments.map((row) => toComment(row, names)),
    myNotes: notes.map(toNote),
    peerReport: ended ? await buildPeerReport(database, round, interview, names) : null,
  };
}
