import type { ProposedFinding } from "@/lib/diagram/merge-findings";
import type { DiagramText } from "@/lib/diagram/types";
import type { Level, ScenarioId, StepId } from "@/lib/framework";
import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { FactSimilarity } from "@/lib/interview/fact-similarity";
import type { Fact } from "@/lib/scenarios/schema";
import type { StepJudge } from "@/lib/scoring/llm-judge";
import type { Citation, ScoreReport, TranscriptInput } from "@/lib/scoring/schema";
import type { CheckCard } from "@/lib/types";
import type { Understanding } from "@/lib/understanding/types";
import type { Move } from "./routers";

/** What the model is asked to phrase: the move the policy chose and the offline draft of it. */
export interface PhraseRequest {
  scenarioTitle: string;
  level: Level;
  step: StepId;
  move: Move | "open";
  draft: string;
  lastCandidateMessage: string | null;
  /** The candidate's diagram as text (lib/diagram/text-form.ts), or null without one: data, delimited in the prompt. */
  diagram: string | null;
}

/** Rewrites the planned reply in natural words, streaming tokens; throws when the model fails. */
export type Phraser = (request: PhraseRequest, onToken: (token: string) => void) => Promise<string>;

/** What a model reviewing the diagram is given: the diagram as text and what the candidate said. */
export interface DiagramReviewRequest {
  scenarioTitle: string;
  step: StepId;
  /** The diagram's text form (lib/diagram/text-form.ts). */
  diagram: string;
  /** The reference design's components, for naming one that is missing. */
  components: Array<{ id: string; role: string }>;
  /** The candidate's latest messages, oldest first. */
  candidateSaid: string[];
}

/** Proposes points about a diagram; throws when the model fails, so the rule checks alone are used. */
export type DiagramReviewer = (request: DiagramReviewRequest) => Promise<ProposedFinding[]>;

/** Reads a candidate message's acts and quantities; throws when it cannot, so the offline reading is used. */
export type Understander = (message: string) => Promise<Understanding>;

/** What the interviewer's nodes need from outside the graph, injected so that tests choose them. */
export interface InterviewerDependencies {
  /** `steps` limits the report to those steps (a drill's one step). */
  scoreTranscript(transcript: TranscriptInput, options?: { steps?: StepId[] }): Promise<ScoreReport>;
  /** Case-study passages for grounding a pushback or a hint. */
  retrieve(input: { query: string; scenarioId: ScenarioId; step: StepId; k: number }): Promise<Citation[]>;
  /** With a model: proposes rubric credit (verified by code) for each answer. */
  judge: StepJudge | null;
  /** With a model: phrases each reply. Without one, the offline drafts are said as they are. */
  phrase: Phraser | null;
  /** With a model: reads each message (acts and quantities). Without one, the trained classifier and parser do. */
  understand: Understander | null;
  /** Similarity (cosine) of a question to each fact, from the process's embedder; null leaves facts to words. */
  factSimilarity: ((question: string, facts: Fact[]) => Promise<FactSimilarity>) | null;
  /** The interview's current diagram (the canvas or a pasted Mermaid flowchart), or null; null turns diagram reading off. */
  readDiagram: ((interviewId: string) => Promise<DiagramText | null>) | null;
  /** With a model: also reviews the diagram whenever it changed; its proposals are verified and merged by code. */
  reviewDiagram: DiagramReviewer | null;
  /** Runs a reference pipeline at a small scale on a claim; null turns checks off. */
  runCheck: ((claim: QuantitativeClaim, onProgress: (message: string) => void) => Promise<CheckCard>) | null;
}
