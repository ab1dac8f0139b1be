import { Annotation } from "@langchain/langgraph";
import type { Level, ScenarioId, StepId } from "@/lib/framework";
import type { CandidateIntent } from "@/lib/interview/detect-intent";
import type { ScoreReport } from "@/lib/scoring/schema";
import type { Turn } from "@/lib/types";

type PerStep<T> = Partial<Record<StepId, T>>;

const mergeRecord = <T>(left: PerStep<T>, right: PerStep<T>): PerStep<T> => ({ ...left, ...right });

/** The candidate message handed to the graph when it resumes from its wait. */
export interface CandidateInput {
  id: string;
  content: string;
}

export const InterviewerState = Annotation.Root({
  /** The interview row this thread belongs to; also the checkpoint thread id. */
  interviewId: Annotation<string>,
  scenarioId: Annotation<ScenarioId>,
  level: Annotation<Level>,
  /** The step being discussed now. */
  step: Annotation<StepId>,
  /** Active until the wrap-up node has spoken. */
  status: Annotation<"active" | "completed">({
    reducer: (_left, right) => right,
    default: () => "active",
  }),
  /** Every turn so far, in order; interviewer turn ids are derived from their position. */
  turns: Annotation<Turn[]>({
    reducer: (left, right) => left.concat(right),
    default: () => [],
  }),
  /** The candidate message being processed in this run, or null between runs. */
  pending: Annotation<CandidateInput | null>({
    reducer: (_left, right) => right,
    default: () => null,
  }),
  /** What the last candidate message asked for, set by the assessment. */
  intent: Annotation<CandidateIntent>({
    reducer: (_left, right) => right,
    default: () => "answer",
  }),
  /** Candidate answers given in each step. */
  answersPerStep: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Follow-up questions asked in each step (probes and pushback). */
  probesPerStep: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Rubric item ids the candidate has covered, per step. */
  coverage: Annotation<PerStep<string[]>>({ reducer: mergeRecord, default: () => ({}) }),
  /** The score report, written by the wrap-up. */
  report: Annotation<ScoreReport | null>({
    reducer: (_left, right) => right,
    default: () => null,
  }),
  /** Ids of follow-ups and hints already used, so none is repeated. */
  asked: Annotation<string[]>({
    reducer: (left, right) => [...new Set(left.concat(right))],
    default: () => [],
  }),
});

export type State = typeof InterviewerState.State;
export type Update = typeof InterviewerState.Update;
