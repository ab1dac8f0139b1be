import type { Level, ScenarioId, StepId } from "@/lib/framework";
import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { StepJudge } from "@/lib/scoring/llm-judge";
import type { Citation, ScoreReport, TranscriptInput } from "@/lib/scoring/schema";
import type { CheckCard } from "@/lib/types";
import type { Move } from "./routers";

/** What the model is asked to phrase: the move the policy chose and the offline draft of it. */
export interface PhraseRequest {
  scenarioTitle: string;
  level: Level;
  step: StepId;
  move: Move | "open";
  draft: string;
  lastCandidateMessage: string | null;
}

/** Rewrites the planned reply in natural words, streaming tokens; throws when the model fails. */
export type Phraser = (request: PhraseRequest, onToken: (token: string) => void) => Promise<string>;

/** What the interviewer's nodes need from outside the graph, injected so that tests choose them. */
export interface InterviewerDependencies {
  scoreTranscript(transcript: TranscriptInput): Promise<ScoreReport>;
  /** Case-study passages for grounding a pushback or a hint. */
  retrieve(input: { query: string; scenarioId: ScenarioId; step: StepId; k: number }): Promise<Citation[]>;
  /** With a model: proposes rubric credit (verified by code) for each answer. */
  judge: StepJudge | null;
  /** With a model: phrases each reply. Without one, the offline drafts are said as they are. */
  phrase: Phraser | null;
  /** With a model: finds a checkable claim by a tool call (patterns find it without one). */
  detectClaim: ((answer: string) => Promise<QuantitativeClaim | null>) | null;
  /** Runs a reference pipeline at a small scale on a claim; null turns checks off. */
  runCheck: ((claim: QuantitativeClaim, onProgress: (message: string) => void) => Promise<CheckCard>) | null;
}
