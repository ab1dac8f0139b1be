import { type ScenarioId, STEP_IDS, type StepId } from "@/lib/framework";
import { UnknownScenarioError } from "@/lib/scenarios/library";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import type { Scenario } from "@/lib/scenarios/schema";
import { stepScore } from "./aggregate";
import { type AssessedSentences, assessStep, type ItemDecision, screenSentences } from "./assess-step";
import { assignSteps, type StepAssignment } from "./assign-steps";
import { figureKeys, findNumberErrors, type NumberError } from "./corrections";
import { diagramSentences, withDiagramCredit } from "./diagram-credit";
import type { InterviewerSaid } from "./evidence/features";
import { contentStems } from "./evidence/vocabulary";
import type { JudgeProposal } from "./llm-judge";
import type { Transcript } from "./schema";
import { type Sentence, splitSentences } from "./sentences";
import { buildTopicModel, relativeAffinity, type TopicModel } from "./topic-terms";

/**
 * The one computation of a step's score. The report, the chat's sidebar during an interview,
 * history and imports all come through here, so they always agree.
 */
export interface PreparedTranscript {
  transcript: Transcript;
  scenario: Scenario;
  assignment: StepAssignment[];
  /** Each step's candidate sentences, with text addressed to the grader screened out. */
  sentences: Map<StepId, AssessedSentences>;
  /** 1 when the answers are about this scenario's problem, falling to 0 when another fits far better. */
  onTopic: number;
  numberErrors: NumberError[];
  /** What the interviewer said: figures (see figureKeys) and words. */
  interviewer: InterviewerSaid;
  interviewerTurns: number[];
  /** The labels of the candidate's diagram, when the transcript carries one. */
  diagramLabels: Sentence[];
}

export interface StepOutcome {
  step: StepId;
  decisions: ItemDecision[];
  score: number;
}

const topicCache = new WeakMap<ScenarioLibrary, TopicModel>();

function topicModelOf(library: ScenarioLibrary): TopicModel {
  let model = topicCache.get(library);
  if (!model) {
    model = buildTopicModel([...library.scenarios.values()]);
    topicCache.set(library, model);
  }
  return model;
}

/**
 * 1 when the answers are about this scenario's problem, falling to 0 when another scenario's
 * vocabulary fits them much better (relative affinity 0.8 and above counts fully, 0.5 and below not at all).
 */
export function topicality(affinity: number): number {
  return Math.max(0, Math.min(1, (affinity - 0.5) / 0.3));
}

/**
 * Reads a transcript once: steps, sentences, topicality and the arithmetic of its figures, for
 * the steps asked for (the live interview reads only its current step; every turn is context).
 */
export function prepareTranscript(
  transcript: Transcript,
  library: ScenarioLibrary,
  steps: readonly StepId[] = STEP_IDS,
): PreparedTranscript {
  const scenario = library.scenarios.get(transcript.scenarioId);
  if (!scenario) throw new UnknownScenarioError(transcript.scenarioId);
  const assignment = assignSteps(transcript, scenario);
  const candidate = transcript.turns.flatMap((turn, i) => (turn.role === "candidate" ? [{ turn, i }] : []));
  const sentences = new Map<StepId, AssessedSentences>(
    steps.map((step) => [
      step,
      screenSentences(
        candidate.filter((c) => assignment[c.i]?.step === step).flatMap((c) => splitSentences(c.turn.content, c.i)),
      ),
    ]),
  );
  const affinity = relativeAffinity(
    topicModelOf(library),
    candidate.map((c) => c.turn.content).join("\n"),
    scenario.id as ScenarioId,
  );
  const interviewer = transcript.turns.flatMap((turn, i) => (turn.role === "interviewer" ? [{ turn, i }] : []));
  return {
    transcript,
    scenario,
    assignment,
    sentences,
    onTopic: topicality(affinity),
    numberErrors: findNumberErrors(transcript.turns, splitSentences, (turn) =>
      steps.includes(assignment[turn]?.step as StepId),
    ),
    interviewer: {
      figures: new Set(interviewer.flatMap((c) => (/\d/.test(c.turn.content) ? figureKeys(c.turn.content) : []))),
      stems: new Set(interviewer.flatMap((c) => contentStems(c.turn.content))),
    },
    interviewerTurns: interviewer.map((c) => c.i),
    diagramLabels: diagramSentences(transcript.diagram),
  };
}

/** Decides every item of each step asked for and scores the step; proposals are a judge's, verified here. */
export function scoreSteps(
  prepared: PreparedTranscript,
  steps: readonly StepId[] = STEP_IDS,
  proposals: Partial<Record<StepId, JudgeProposal[]>> = {},
): StepOutcome[] {
  return steps.map((step) => {
    const screened = prepared.sentences.get(step) ?? { usable: [], ignored: 0, lists: 0 };
    const keys = new Set(screened.usable.map((u) => `${u.turn}:${u.start}`));
    const rubric = prepared.scenario.steps[step].rubric;
    const said = assessStep(rubric, screened.usable, {
      proposals: proposals[step] ?? [],
      interviewer: prepared.interviewer,
      interviewerTurns: prepared.interviewerTurns,
      numberErrors: prepared.numberErrors.filter((e) => keys.has(`${e.sentence.turn}:${e.sentence.start}`)),
    });
    const decisions = withDiagramCredit(step, rubric, said, prepared.diagramLabels, {
      interviewer: prepared.interviewer,
    });
    return { step, decisions, score: stepScore(decisions, prepared.transcript.level, prepared.onTopic) };
  });
}
