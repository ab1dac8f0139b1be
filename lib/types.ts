import type { Citation } from "@/lib/domain/citation";
import type { Level, ScenarioId, StepId } from "@/lib/domain/framework";
import type { ScoreReport } from "@/lib/domain/report";

export type TurnRole = "interviewer" | "candidate";

/** One line of a transcript; the shape of the interchange format (docs/transcript-format.md) plus an id. */
export interface Turn {
  id: string;
  role: TurnRole;
  step?: StepId;
  content: string;
  /** Case-study passages the interviewer's turn draws on. */
  citations?: Citation[];
  /** A reference-pipeline result card: the candidate's claim beside what a run measured. */
  check?: CheckCard;
  /** A quiet notice shown with the turn (e.g. the model was unavailable and the offline interviewer answered). */
  notice?: string;
}

/** The transcript interchange format (docs/transcript-format.md). */
export interface TranscriptDocument {
  scenarioId: ScenarioId;
  level: Level;
  turns: Array<{ role: TurnRole; step?: StepId; content: string }>;
}

/** What a page needs to show an interview; built by the interview service, never from UI code. */
export interface InterviewView {
  id: string;
  scenarioId: ScenarioId;
  scenarioTitle: string;
  level: Level;
  status: "active" | "completed";
  currentStep: StepId;
  /** The one step a drill practises; absent for a whole interview. */
  drillStep?: StepId;
  turns: Turn[];
  /** When the current step began (ISO) and each step's time budget in ms, for the clock. */
  stepStartedAt: string;
  stepBudgetsMs: Record<StepId, number>;
  /** Credit (0..1) per rubric item per step, for the step tracker. */
  coverage: Partial<Record<StepId, number>>;
  /** The score report once the interview has ended. */
  report: ScoreReport | null;
  /** Requirements and numbers so far: facts the interviewer revealed and numbers the candidate stated. */
  ledger: LedgerEntry[];
  createdAt: string;
  /** The interview's latest live event when this view was read: watchers ask for what follows it. */
  eventSeq: number;
}

/** One line of "Requirements and numbers so far". */
export interface LedgerEntry {
  /** Who said it: a fact the interviewer revealed, or a number the candidate stated. */
  source: "interviewer" | "candidate";
  /** The quantity as written ("17,000 posts per second", "340 GPUs"). */
  text: string;
  kind: import("@/lib/understanding/types").QuantityKind;
  /** In the base unit of `kind` (bytes, seconds, per second, fraction, count). */
  value: number;
  /** What it counts or measures ("posts per second", "GPUs"), when known. */
  what?: string;
  /** The sentence it came from, verbatim. */
  sentence: string;
  /** Index of the turn in the transcript. */
  turn: number;
  step: StepId;
  /** A figure whose arithmetic the interviewer challenged: shown, but never used as an input to a later check. */
  disputed?: boolean;
}

/** How a check card's verdict reads: the claim holds, is too high or too low, or cannot be checked yet. */
export type CheckVerdict = "consistent" | "too_high" | "too_low" | "cannot_check" | "measured";

/** What the chat shows when the interviewer checks a candidate's number (arithmetic or a pipeline run). */
export interface CheckCard {
  pipeline: string;
  title: string;
  /** The candidate's sentence that made the claim. */
  claim: string;
  /** "pending" while a pipeline run is queued or running (the card arrives later), "failed" if it did not finish. */
  status?: "pending" | "done" | "failed";
  verdict?: CheckVerdict;
  /** The one sentence the card leads with, in the candidate's own terms; the rows are the collapsed details. */
  headline: string;
  rows: Array<{ label: string; value: string; formula?: string }>;
  chart: import("@/lib/pipelines/types").ChartSpec | null;
  assumptions: string[];
  /** While pending: the claim the queued run checks, so a restarted server can run it again. */
  pendingClaim?: import("@/lib/interview/detect-claims").QuantitativeClaim;
}
