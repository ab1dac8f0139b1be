import type { Level, ScenarioId, StepId } from "@/lib/framework";
import type { ScoreReport } from "@/lib/scoring/schema";

export type TurnRole = "interviewer" | "candidate";

/** One line of a transcript; the shape of DESIGN.md's interchange format plus an id. */
export interface Turn {
  id: string;
  role: TurnRole;
  step?: StepId;
  content: string;
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
  /** The score report once the interview has ended. */
  report: ScoreReport | null;
  createdAt: string;
}
