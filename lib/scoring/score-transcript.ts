import { type ScenarioId, STEP_IDS, type StepId } from "@/lib/framework";
import { UnknownScenarioError } from "@/lib/scenarios/library";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { levelSignal, overallScore, stepScore } from "./aggregate";
import { assessStep, type ItemDecision, screenSentences } from "./assess-step";
import { assignSteps } from "./assign-steps";
import { nextItemToLearn, stepFeedback } from "./feedback";
import type { JudgeProposal, StepJudge } from "./llm-judge";
import { type Citation, type ScoreReport, type StepReport, type TranscriptInput, transcriptSchema } from "./schema";
import { splitSentences } from "./sentences";
import { buildTopicModel, relativeAffinity, type TopicModel } from "./topic-terms";

export interface ScoringDependencies {
  library: ScenarioLibrary;
  /** Case-study search for citations; left out, the report has none. */
  retrieve?: (input: { query: string; scenarioId: ScenarioId; step: StepId; k: number }) => Promise<Citation[]>;
  /** A model judge whose proposals are verified and merged; left out, scoring is purely deterministic. */
  judge?: StepJudge;
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
 * Scores a transcript against its scenario's rubric. Deterministic: the same transcript always
 * gets the same report. Every quote is a verbatim sentence of a candidate turn, checked here.
 */
export async function scoreTranscript(input: TranscriptInput, deps: ScoringDependencies): Promise<ScoreReport> {
  const transcript = transcriptSchema.parse(input);
  const scenario = deps.library.scenarios.get(transcript.scenarioId);
  if (!scenario) throw new UnknownScenarioError(transcript.scenarioId);
  const assignment = assignSteps(transcript, scenario);
  const candidateTurns = transcript.turns.flatMap((turn, i) => (turn.role === "candidate" ? [{ turn, i }] : []));
  const onTopic = topicality(
    relativeAffinity(topicModelOf(deps.library), candidateTurns.map((c) => c.turn.content).join("\n"), scenario.id),
  );

  const notes: string[] = [];
  let ignored = 0;
  let judgeFailures = 0;
  let lists = 0;
  const allDecisions: ItemDecision[] = [];
  const steps: StepReport[] = [];
  for (const step of STEP_IDS) {
    const inStep = candidateTurns.filter((c) => assignment[c.i]?.step === step);
    const screened = screenSentences(inStep.flatMap((c) => splitSentences(c.turn.content, c.i)));
    ignored += screened.ignored;
    lists += screened.lists;
    const rubric = scenario.steps[step].rubric;
    let proposals: JudgeProposal[] = [];
    if (deps.judge && screened.usable.length > 0) {
      try {
        proposals = await deps.judge({ step, level: transcript.level, items: rubric, sentences: screened.usable });
      } catch {
        // The judge only ever adds verified credit, so without it the step is scored as offline.
        judgeFailures++;
      }
    }
    const decisions = assessStep(rubric, screened.usable, proposals);
    allDecisions.push(...decisions);
    const next = nextItemToLearn(decisions, transcript.level);
    const citations =
      deps.retrieve && next
        ? await deps.retrieve({ query: `${next.item.title}. ${next.item.earns}`, scenarioId: scenario.id, step, k: 2 })
        : [];
    steps.push({
      step,
      score: stepScore(decisions, transcript.level, onTopic),
      covered: decisions.flatMap((d) =>
        d.earned && d.quote && onTopic > 0
          ? [{ rubricId: d.item.id, quote: d.quote.text, turn: d.quote.turn, credit: d.credit }]
          : [],
      ),
      missing: decisions.filter((d) => !d.earned).map((d) => d.item.id),
      lost: decisions.flatMap((d) =>
        d.mistake && d.quote ? [{ rubricId: d.item.id, mistake: d.mistake, quote: d.quote.text }] : [],
      ),
      feedback: stepFeedback(step, decisions, transcript.level, onTopic),
      nextToLearn: next?.item.earns ?? null,
      citations,
    });
  }

  verifyQuotes(steps, transcript.turns);
  const assigned = assignment.filter((a) => a.source === "assigned").length;
  if (assigned > 0) notes.push(`${assigned} turns had no step; the scorer assigned them (see stepAssignment).`);
  if (ignored > 0) notes.push(`${ignored} sentences addressed to the grader were ignored as data.`);
  if (judgeFailures > 0)
    notes.push(`The model judge was unavailable for ${judgeFailures} steps; they were scored offline.`);
  if (lists > 0) notes.push(`${lists} sentences were bare lists of terms and earned nothing on their own.`);
  if (onTopic < 1)
    notes.push("The answers fit another scenario's problem better than this one; credit is reduced accordingly.");
  const overall = overallScore(steps.map((s) => s.score));
  const earnedDecisions = allDecisions.map((d) => ({ ...d, credit: d.credit * onTopic }));
  return {
    scenarioId: scenario.id,
    level: transcript.level,
    overall,
    steps,
    levelSignal: levelSignal(earnedDecisions),
    stepAssignment: assignment,
    notes,
  };
}

/** Quotes are verbatim by construction; this makes a broken construction fail loudly instead of misquoting. */
function verifyQuotes(steps: StepReport[], turns: Array<{ role: string; content: string }>): void {
  for (const step of steps) {
    for (const covered of step.covered) {
      const turn = turns[covered.turn];
      if (turn?.role !== "candidate" || !turn.content.includes(covered.quote)) {
        throw new Error(`quote for ${covered.rubricId} is not verbatim in candidate turn ${covered.turn}`);
      }
    }
  }
}
