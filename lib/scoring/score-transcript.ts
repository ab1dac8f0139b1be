import type { ScenarioId } from "@/lib/framework";
import { STEP_IDS, type StepId } from "@/lib/framework";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { levelSignal, overallScore } from "./aggregate";
import { DIAGRAM_QUOTE_PREFIX } from "./diagram-credit";
import { nextItemToLearn, stepFeedback } from "./feedback";
import type { JudgeProposal, StepJudge } from "./llm-judge";
import { type Citation, type ScoreReport, type StepReport, type TranscriptInput, transcriptSchema } from "./schema";
import { prepareTranscript, scoreSteps } from "./score-steps";
import type { Sentence } from "./sentences";

export interface ScoringOptions {
  /** Score these steps only (a drill scores its one step); all seven by default. */
  steps?: StepId[];
}

export interface ScoringDependencies {
  library: ScenarioLibrary;
  /** Case-study search for citations; left out, the report has none. */
  retrieve?: (input: { query: string; scenarioId: ScenarioId; step: StepId; k: number }) => Promise<Citation[]>;
  /** A model judge whose proposals are verified and merged; left out, scoring is purely deterministic. */
  judge?: StepJudge;
}

/**
 * Scores a transcript against its scenario's rubric. Deterministic: the same transcript always
 * gets the same report. Every quote is a verbatim sentence of a candidate turn, checked here.
 */
export async function scoreTranscript(
  input: TranscriptInput,
  deps: ScoringDependencies,
  options: ScoringOptions = {},
): Promise<ScoreReport> {
  const transcript = transcriptSchema.parse(input);
  const prepared = prepareTranscript(transcript, deps.library);
  const { scenario, onTopic } = prepared;
  const scoredSteps = STEP_IDS.filter((step) => !options.steps || options.steps.includes(step));

  let judgeFailures = 0;
  const proposals: Partial<Record<StepId, JudgeProposal[]>> = {};
  for (const step of scoredSteps) {
    const usable = prepared.sentences.get(step)?.usable ?? [];
    if (!deps.judge || usable.length === 0) continue;
    try {
      proposals[step] = await deps.judge({
        step,
        level: transcript.level,
        items: scenario.steps[step].rubric,
        sentences: usable,
      });
    } catch {
      // The judge only ever adds verified credit, so without it the step is scored as offline.
      judgeFailures++;
    }
  }

  const outcomes = scoreSteps(prepared, scoredSteps, proposals);
  const steps: StepReport[] = [];
  for (const { step, decisions, score } of outcomes) {
    const next = nextItemToLearn(decisions, transcript.level);
    const citations =
      deps.retrieve && next
        ? await deps.retrieve({ query: `${next.item.title}. ${next.item.earns}`, scenarioId: scenario.id, step, k: 2 })
        : [];
    steps.push({
      step,
      score,
      covered: decisions.flatMap((d) =>
        d.earned && d.quote && onTopic > 0
          ? [
              {
                rubricId: d.item.id,
                quote: d.fromDiagram ? `${DIAGRAM_QUOTE_PREFIX}${d.quote.text}` : d.quote.text,
                turn: d.quote.turn,
                credit: d.credit,
                ...(d.note ? { note: d.note } : {}),
                ...(d.fromDiagram ? { source: "diagram" as const } : {}),
              },
            ]
          : [],
      ),
      missing: decisions.filter((d) => !d.earned).map((d) => d.item.id),
      lost: decisions.flatMap((d) =>
        d.mistake && d.quote ? [{ rubricId: d.item.id, mistake: d.mistake, quote: d.quote.text }] : [],
      ),
      recovered: decisions.flatMap((d) =>
        d.recovered
          ? [{ rubricId: d.item.id, mistake: d.recovered.mistake, afterPushback: d.recovered.afterPushback }]
          : [],
      ),
      feedback: stepFeedback(step, decisions, transcript.level, onTopic),
      nextToLearn: next?.item.earns ?? null,
      citations,
    });
  }

  verifyQuotes(steps, transcript.turns, prepared.diagramLabels);
  const notes: string[] = [];
  const screened = scoredSteps.map((step) => prepared.sentences.get(step));
  const ignored = screened.reduce((sum, s) => sum + (s?.ignored ?? 0), 0);
  const lists = screened.reduce((sum, s) => sum + (s?.lists ?? 0), 0);
  const assigned = prepared.assignment.filter((a) => a.source === "assigned").length;
  if (assigned > 0)
    notes.push(`${assigned} turns had no step named; the scorer placed each under the step its words fit best.`);
  if (ignored > 0) notes.push(`${ignored} sentences addressed to the grader were ignored as data.`);
  if (judgeFailures > 0)
    notes.push(`The model judge was unavailable for ${judgeFailures} steps; they were scored offline.`);
  if (lists > 0) notes.push(`${lists} sentences were bare lists of terms and earned nothing on their own.`);
  if (onTopic < 1)
    notes.push("The answers fit another scenario's problem better than this one; credit is reduced accordingly.");
  const allDecisions = outcomes.flatMap((o) => o.decisions.map((d) => ({ ...d, credit: d.credit * onTopic })));
  return {
    scenarioId: scenario.id,
    level: transcript.level,
    overall: overallScore(steps.map((s) => s.score)),
    steps,
    ...(options.steps?.length === 1 ? { drillStep: options.steps[0] } : {}),
    levelSignal: levelSignal(allDecisions),
    stepAssignment: prepared.assignment,
    notes,
  };
}

/** Quotes are verbatim by construction; this makes a broken construction fail loudly instead of misquoting. */
function verifyQuotes(steps: StepReport[], turns: Array<{ role: string; content: string }>, labels: Sentence[]): void {
  for (const step of steps) {
    for (const covered of step.covered) {
      if (covered.source === "diagram") {
        if (!labels.some((l) => `${DIAGRAM_QUOTE_PREFIX}${l.text}` === covered.quote)) {
          throw new Error(`quote for ${covered.rubricId} is not a label of the diagram`);
        }
        continue;
      }
      const turn = turns[covered.turn];
      if (turn?.role !== "candidate" || !turn.content.includes(covered.quote)) {
        throw new Error(`quote for ${covered.rubricId} is not verbatim in candidate turn ${covered.turn}`);
      }
    }
  }
}
