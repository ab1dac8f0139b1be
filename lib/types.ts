import type { Level, ScenarioId, StepId } from "@/lib/framework";
import type { Citation, ScoreReport } from "@/lib/scoring/schema";

export type TurnRole = "interviewer" | "candidate";

/** One line of a transcript; the shape of DESIGN.md's interchange format plus an id. */
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

/** The transcript interchange format of DESIGN.md. */
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
  turns: Turn[];
  /** When the current step began (ISO) and each step's time budget in ms, for the clock. */
  stepStartedAt: string;
  stepBudgetsMs: Record<StepId, number>;
  /** Credit (0..1) per rubric item per step, for the step tracker. */
  coverage: Partial<Record<StepId, number>>;
  /** The score report once the interview has ended. */
  report: ScoreReport | null;
  createdAt: string;
}

/** What the chat shows when the interviewer checks a candidate's number with a pipeline. */
export interface CheckCard {
  pipeline: string;
  title: string;
  /** The candidate's sentence that made the claim. */
  claim: string;
  headline: string;
  rows: Array<{ label: string; value: string; formula?: string }>;
  chart: import("@/lib/pipelines/types").ChartSpec | null;
  assumptions: string[];
}
