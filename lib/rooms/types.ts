import type { Level, ScenarioId, StepId } from "@/lib/domain/framework";
import type { InterviewView } from "@/lib/types";

/**
 * What the study-room pages and the room API exchange. Built by services/rooms, never by UI
 * code; the UI reads these shapes and nothing from the database.
 */

export interface RoomMemberView {
  userId: string;
  displayName: string;
  isHost: boolean;
}

/** A round in the room's list: who sat where and whether it is over. */
export interface RoundSummary {
  id: string;
  number: number;
  scenarioId: ScenarioId;
  scenarioTitle: string;
  status: "running" | "ended";
  candidate: RoomMemberView;
  /** null: the AI interviews. */
  interviewer: RoomMemberView | null;
  startedAt: string;
  endedAt: string | null;
}

export interface RoomView {
  id: string;
  title: string;
  /** null: the host chooses a scenario for each round. */
  scenarioId: ScenarioId | null;
  level: Level;
  minutes: number;
  status: "open" | "closed";
  hostUserId: string;
  members: RoomMemberView[];
  /** Newest first. */
  rounds: RoundSummary[];
  /** The round running now, if any (at most one at a time). */
  currentRoundId: string | null;
  /** The room's latest live event: the room stream starts after it. */
  eventSeq: number;
  /** Who is reading this view. */
  viewerId: string;
}

/** A member's seat in one round. */
export type RoundSeat = "candidate" | "interviewer" | "observer";

/** One rubric item as the interviewer's panel and the peer score sheet show it. */
export interface RubricItemView {
  id: string;
  title: string;
  /** The lowest level at which the item is expected. */
  level: Level;
  weight: number;
  /** Expected of a candidate at the room's level. */
  expected: boolean;
}

/** What only a member in the interviewer's seat sees. */
export interface InterviewerPanel {
  facts: Array<{ topic: string; text: string }>;
  /** The rubric at the room's level, step by step. */
  rubric: Array<{ step: StepId; items: RubricItemView[] }>;
  /** For the current step: questions to ask next, best first; `kind` "pushback" challenges a mistake. */
  suggestions: Array<{ id: string; kind: "number" | "tradeoff" | "failure" | "pushback" | "depth"; text: string }>;
  /** The AI's reading of the candidate's answers so far: score 0..100 per step and credit per item. */
  coverage: Array<{ step: StepId; score: number; items: Array<{ rubricId: string; credit: number; quote: string }> }>;
}

/** One peer's tick on one rubric item, with the candidate's sentence they chose as the quote. */
export interface PeerScoreItem {
  rubricId: string;
  step: StepId;
  ticked: boolean;
  quote: string | null;
  /** The message the quote was taken from. */
  quoteMessageId: string | null;
}

export interface RoundComment {
  id: string;
  messageId: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/** A private note: only its author ever reads it. */
export interface RoundNote {
  id: string;
  /** The message that was newest when the note was written, if any. */
  messageId: string | null;
  body: string;
  createdAt: string;
}

/** One rubric item in the side-by-side report. */
export interface ComparedItem {
  step: StepId;
  rubricId: string;
  title: string;
  /** The AI's credit, 0..1, and its quote. */
  ai: { credit: number; quote: string | null };
  /** Each peer who scored the round: ticked or not, with their quote. */
  peers: Array<{ userId: string; displayName: string; ticked: boolean; quote: string | null }>;
  /** |AI credit - share of peers who ticked|, 0..1: the list is sorted by it, largest first. */
  disagreement: number;
}

/** Per step: the AI's score beside each peer's (the weighted share of items they ticked, 0..100). */
export interface ComparedStep {
  step: StepId;
  ai: number;
  peers: Array<{ userId: string; displayName: string; score: number }>;
  disagreement: number;
}

/** AI and peer scores side by side, once the round has ended. */
export interface PeerReport {
  steps: ComparedStep[];
  /** Largest disagreements first. */
  items: ComparedItem[];
  scorers: Array<{ userId: string; displayName: string }>;
}

/** A round as one member sees it; what is private to others is simply absent. */
export interface RoundView {
  id: string;
  roomId: string;
  roomTitle: string;
  number: number;
  status: "running" | "ended";
  seat: RoundSeat;
  candidate: RoomMemberView;
  interviewer: RoomMemberView | null;
  /** The interview itself: messages, steps, clock, check cards, and the AI's report once ended. */
  interview: InterviewView;
  /** The published rubric at the room's level, for the score sheet. */
  rubric: Array<{ step: StepId; items: RubricItemView[] }>;
  /** Only for a member in the interviewer's seat while the round runs. */
  panel: InterviewerPanel | null;
  /** The viewer's own ticks (everyone else's stay private until the round ends). */
  myScores: PeerScoreItem[];
  /** While running: the viewer's own comments; after: everyone's. */
  comments: RoundComment[];
  /** The viewer's own notes, oldest first. */
  myNotes: RoundNote[];
  /** After the round has ended: the AI's and each peer's scores side by side. */
  peerReport: PeerReport | null;
}

/** A note in the author's history, with where it was written. */
export interface NoteInHistory extends RoundNote {
  roomId: string;
  roomTitle: string;
  roundId: string;
  roundNumber: number;
  scenarioTitle: string;
}

/** A room in the member's list of rooms. */
export interface RoomListItem {
  id: string;
  title: string;
  status: "open" | "closed";
  memberCount: number;
  isHost: boolean;
  createdAt: string;
}

/** What the room's live stream says happened; the page reads the room again on each. */
export const ROOM_EVENT_KINDS = [
  "member-joined",
  "member-removed",
  "host-changed",
  "room-closed",
  "round-started",
  "round-ended",
  "seats-changed",
] as const;
export type RoomEventKind = (typeof ROOM_EVENT_KINDS)[number];
