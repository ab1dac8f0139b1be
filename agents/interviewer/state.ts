import { Annotation } from "@langchain/langgraph";
import type { DiagramFinding } from "@/lib/diagram/types";
import type { Level, ScenarioId, StepId } from "@/lib/framework";
import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { Citation, ScoreReport } from "@/lib/scoring/schema";
import type { CheckCard, LedgerEntry, Turn } from "@/lib/types";
import type { ArithmeticCheck } from "@/lib/understanding/claims/types";
import type { MessageIntent } from "@/lib/understanding/primary-intent";

type PerStep<T> = Partial<Record<StepId, T>>;

const mergeRecord = <T>(left: PerStep<T>, right: PerStep<T>): PerStep<T> => ({ ...left, ...right });
const replace = <T>(_left: T, right: T): T => right;
const union = (left: string[], right: string[]) => [...new Set(left.concat(right))];

/** Cards of more replies than one crash can leave unsaved (one run at a time, each one reply). */
const CARDS_KEPT = 4;
const keepLatestCards = (left: Record<string, CheckCard>, right: Record<string, CheckCard>) =>
  Object.fromEntries(Object.entries({ ...left, ...right }).slice(-CARDS_KEPT));

/** The candidate message handed to the graph when it resumes from its wait. */
export interface CandidateInput {
  id: string;
  content: string;
  /** When the message was stored (ISO); time is measured from stored timestamps so replays agree. */
  at: string;
}

/** See the `plan` channel. */
export interface ReplyPlan {
  preface: string;
  jumpTo: StepId | null;
}

/** What the last answer did, read by the router and the reply nodes. */
export interface Assessment {
  /** Rubric items whose credit rose with this answer. */
  newlyCovered: string[];
  /** A listed mistake the candidate just made, not pushed back on before. */
  mistake: { rubricId: string; text: string; pushback: string } | null;
  /** Quantities the candidate stated, for an acknowledgement in their own numbers. */
  quantities: string[];
  /** Whether the answer made a claim (a number or a reason) rather than naming terms. */
  claim: boolean;
  /** The step's time budget is spent. */
  timeUp: boolean;
  /** A quantitative claim a reference pipeline can check, not checked before in this step. */
  checkable: QuantitativeClaim | null;
  /** The first arithmetic check of this answer that is wrong or cannot be checked yet: the reply challenges it. */
  numberCheck: ArithmeticCheck | null;
  /** Arithmetic the answer got right: confirmed in the reply, which then moves on. */
  confirmed: ArithmeticCheck | null;
  /** The diagram point to raise this turn (lib/diagram/interviewer/choose-point.ts), if any. */
  diagramPoint: DiagramFinding | null;
}

export const InterviewerState = Annotation.Root({
  /** The interview row this thread belongs to; also the checkpoint thread id. */
  interviewId: Annotation<string>,
  scenarioId: Annotation<ScenarioId>,
  level: Annotation<Level>,
  /** A drill practises one step: it opens there and wraps up after it. */
  drill: Annotation<boolean>({ reducer: replace, default: () => false }),
  /** Interview length in minutes, split across the steps by weight. */
  minutes: Annotation<number>({ reducer: replace, default: () => 45 }),
  /** The step being discussed now. */
  step: Annotation<StepId>,
  /** When the last candidate message was stored (ISO). */
  lastMessageAt: Annotation<string>({ reducer: replace, default: () => new Date(0).toISOString() }),
  /** When the current step began (ISO). */
  stepStartedAt: Annotation<string>({ reducer: replace, default: () => new Date(0).toISOString() }),
  /** Milliseconds spent per step, measured at each candidate message. */
  timeSpent: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Active until the wrap-up node has spoken. */
  status: Annotation<"active" | "completed">({ reducer: replace, default: () => "active" }),
  /** Every turn so far, in order; interviewer turn ids are derived from their position. */
  turns: Annotation<Turn[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
  /** The candidate message being processed in this run, or null between runs. */
  pending: Annotation<CandidateInput | null>({ reducer: replace, default: () => null }),
  /** What the last candidate message mainly asked for. */
  intent: Annotation<MessageIntent>({ reducer: replace, default: () => "answer" }),
  /**
   * What the reply to the last message must carry besides its own move, set when the message is
   * read: the facts its questions asked for and the confirmation of arithmetic it got right
   * (`preface`, said first, so no question inside an answer is dropped), and the later step a
   * "move on" named (`jumpTo`). One channel, so a turn writes one checkpoint row for both.
   */
  plan: Annotation<ReplyPlan>({ reducer: replace, default: () => ({ preface: "", jumpTo: null }) }),
  /** Acknowledgement templates already said, so none repeats within an interview. */
  usedPhrases: Annotation<string[]>({ reducer: union, default: () => [] }),
  /** The assessment of the last answer, or null after a command or question. */
  assessment: Annotation<Assessment | null>({ reducer: replace, default: () => null }),
  /** Credit (0..1) per rubric item, per step, from the scorer's reading of the step's answers. */
  coverage: Annotation<PerStep<Record<string, number>>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Each step's score so far (0..100), from the scorer's own computation: what the sidebar shows. */
  stepScores: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Candidate answers given in each step. */
  answersPerStep: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Follow-ups and pushbacks asked in each step. */
  probesPerStep: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Probes aimed at each rubric item: never more than three on one point. */
  probesPerPoint: Annotation<Record<string, number>>({ reducer: (l, r) => ({ ...l, ...r }), default: () => ({}) }),
  /** Hints given in each step. */
  hintsUsed: Annotation<PerStep<number>>({ reducer: mergeRecord, default: () => ({}) }),
  /** Ids of follow-ups and hints already used, so none is repeated. */
  asked: Annotation<string[]>({ reducer: union, default: () => [] }),
  /** Follow-up ids the candidate declined; never asked again. */
  declined: Annotation<string[]>({ reducer: union, default: () => [] }),
  /** The follow-up the last interviewer turn asked, if any. */
  lastQuestionId: Annotation<string | null>({ reducer: replace, default: () => null }),
  /** Fact ids already revealed. */
  revealedFacts: Annotation<string[]>({ reducer: union, default: () => [] }),
  /**
   * Check cards of the latest replies, by turn id, until reconciliation stores them on their
   * messages; only the last few are kept, so a long interview's checkpoint stays small.
   */
  cards: Annotation<Record<string, CheckCard>>({ reducer: keepLatestCards, default: () => ({}) }),
  /** Requirements and numbers so far: facts revealed and numbers the candidate stated, in order. */
  ledger: Annotation<LedgerEntry[]>({ reducer: (left, right) => left.concat(right), default: () => [] }),
  /** Checks already run, as "<step>:<pipeline>", so a step checks each kind of claim once. */
  checksRun: Annotation<string[]>({ reducer: union, default: () => [] }),
  /** Rubric ids whose mistake was already pushed back on. */
  pushedBack: Annotation<string[]>({ reducer: union, default: () => [] }),
  /** Passages cited so far, by chunk id. */
  citations: Annotation<Citation[]>({
    reducer: (left, right) => [...left, ...right.filter((c) => !left.some((l) => l.chunkId === c.chunkId))],
    default: () => [],
  }),
  /**
   * The candidate's diagram as the plain text the interviewer reads (lib/diagram/text-form.ts),
   * read again at every message; null without one. A model gets it in the prompt, delimited.
   */
  diagram: Annotation<string | null>({ reducer: replace, default: () => null }),
  /** What the model proposed about the diagram as it now reads, verified; reviewed again only when it changes. */
  diagramProposals: Annotation<DiagramFinding[]>({ reducer: replace, default: () => [] }),
  /** Keys of diagram points already raised, so none is raised twice. */
  diagramRaised: Annotation<string[]>({ reducer: union, default: () => [] }),
  /** A quiet notice for the UI when the model was unavailable this turn. */
  notice: Annotation<string | null>({ reducer: replace, default: () => null }),
  /** The score report, written by the wrap-up. */
  report: Annotation<ScoreReport | null>({ reducer: replace, default: () => null }),
});

export type State = typeof InterviewerState.State;
export type Update = typeof InterviewerState.Update;

/**
 * `{ [key]: values }` when there is something to add, else nothing: a channel named in an update
 * is written to the checkpoint even when the reducer leaves it unchanged, and each write costs a row.
 */
export function addTo<K extends string, T>(key: K, values: T[]): Partial<Record<K, T[]>> {
  return values.length > 0 ? ({ [key]: values } as Record<K, T[]>) : {};
}
