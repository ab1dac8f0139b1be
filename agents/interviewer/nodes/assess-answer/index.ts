import { chooseDiagramPoint, isDiagramQuestionId } from "@/lib/diagram/interviewer/choose-point";
import { STEP_IDS } from "@/lib/framework";
import { interviewerFigures, ledgerEntriesFrom, repeatsInterviewer } from "@/lib/interview/ledger";
import { factsNamedIn, questionParts } from "@/lib/interview/match-fact";
import { stepBudgets } from "@/lib/interview/timing";
import { getScenario, getScenarioLibrary } from "@/lib/scenarios/library";
import { hasNumber, hasReasoning } from "@/lib/scoring/claims";
import { prepareTranscript, scoreSteps } from "@/lib/scoring/score-steps";
import { answerText, primaryIntent } from "@/lib/understanding/primary-intent";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import type { Act } from "@/lib/understanding/types";
import type { InterviewerDependencies } from "../../dependencies";
import { MODEL_UNAVAILABLE_NOTICE } from "../../speak";
import { type Assessment, addTo, type State, type Update } from "../../state";
import { answerFacts } from "./answer-facts";
import { checkNumbers } from "./check-numbers";
import { readDiagram } from "./read-diagram";
import { readMessage } from "./read-message";

/** Whether two lists of findings hold the same points, so an unchanged list is not written again. */
const sameKeys = (a: { key: string }[], b: { key: string }[]) =>
  a.length === b.length && a.every((f, i) => f.key === b[i]?.key);

/** What to say when a sentence may have asked to end or move on, but was read as an answer. */
function unsureNote(acts: Act[]): string {
  if (acts.some((a) => a.unsure === "end"))
    return 'If you meant to end the interview, say "end the interview" and I\'ll wrap up.';
  if (acts.some((a) => a.unsure === "move_on")) return 'If you meant to move on, say "next".';
  return "";
}

/** The step a "move on" named, when it lies ahead of the current one. */
function jumpTarget(state: State, target: string | undefined) {
  if (!target) return null;
  const here = STEP_IDS.indexOf(state.step);
  const there = STEP_IDS.indexOf(target as (typeof STEP_IDS)[number]);
  return there > here ? (STEP_IDS[there] ?? null) : null;
}

/**
 * Reads the candidate's message (every act, with its sentence, and every quantity), answers the
 * questions in it from the scenario's facts, keeps the ledger, checks the numbers, and assesses
 * the step's answers with the scorer's own rules (and the model judge's verified proposals).
 */
export function createAssessAnswer(deps: InterviewerDependencies) {
  return async function assessAnswer(state: State): Promise<Update> {
    const input = state.pending;
    if (!input) throw new Error("assessAnswer ran without a pending candidate message");
    const { understanding, modelFailed } = await readMessage(deps, input.content);
    const scenario = getScenario(state.scenarioId);
    // "What was the peak QPS again?" reads like a request to repeat, but it names one of the
    // scenario's facts: such a request to clarify is a question for that fact.
    const acts = understanding.acts.map((a) =>
      a.kind === "clarify" && factsNamedIn(scenario.facts, a.sentence).length > 0
        ? { ...a, kind: "fact_question" as const }
        : a,
    );
    const intent = primaryIntent(acts);
    const answer = answerText(acts);
    const turnIndex = state.turns.length;
    const turn = { id: input.id, role: "candidate" as const, step: state.step, content: input.content };
    const elapsed = Math.max(0, Date.parse(input.at) - Date.parse(state.stepStartedAt));

    // A question tacked onto an answer sentence ("…chargebacks, what's the fraud rate btw?") is
    // answered when its last part names one of the scenario's facts.
    const tacked = acts
      .filter((a) => a.kind === "answer" && a.sentence.trim().endsWith("?"))
      .map((a) => questionParts(a.sentence).at(-1) ?? "")
      .filter((part) => part && factsNamedIn(scenario.facts, part).length > 0);
    const questions = [...acts.filter((a) => a.kind === "fact_question").map((a) => a.sentence), ...tacked];
    const facts = await answerFacts({
      deps,
      facts: scenario.facts,
      questions,
      revealed: state.revealedFacts,
      turn: turnIndex + 1,
      step: state.step,
    });
    // The figures of the turn being answered are the interviewer's, whoever repeats them later.
    const asked = [...state.turns].reverse().find((t) => t.role === "interviewer");
    const given = asked
      ? interviewerFigures({
          text: asked.content,
          quantities: parseQuantities(asked.content),
          turn: state.turns.lastIndexOf(asked),
          step: asked.step ?? state.step,
          ledger: state.ledger,
        })
      : [];
    const stated = ledgerEntriesFrom({
      text: input.content,
      quantities: understanding.quantities,
      source: "candidate",
      turn: turnIndex,
      step: state.step,
      within: acts.filter((a) => a.kind === "answer").map((a) => a.sentence),
    }).filter((e) => !repeatsInterviewer(e, [...state.ledger, ...given, ...facts.ledger]));
    const added = [...given, ...stated, ...facts.ledger];
    // The diagram is read at every message, whatever it asked, so a model always sees the latest one.
    const drawing = await readDiagram(deps, {
      interviewId: state.interviewId,
      scenario,
      step: state.step,
      conversation: [...state.turns, turn].map((t) => ({ role: t.role, content: t.content })),
      previous: { description: state.diagram, proposals: state.diagramProposals },
    });
    const diagram = drawing.failed ? state.diagram : drawing.description;
    const moveOn = acts.find((a) => a.kind === "move_on");
    const plan = {
      jumpTo: jumpTarget(state, moveOn?.targetStep),
      preface: [
        facts.text,
        unsureNote(acts),
        intent === "answer" && facts.unanswered.length > 0
          ? `I don't have a figure for “${facts.unanswered[0]?.trim()}”: assume one and say it as you go.`
          : "",
      ]
        .filter(Boolean)
        .join(" "),
    };
    const base: Update = {
      intent,
      turns: [turn],
      pending: null,
      notice: modelFailed ? MODEL_UNAVAILABLE_NOTICE : null,
      lastMessageAt: input.at,
      timeSpent: { [state.step]: elapsed },
      assessment: null,
      plan,
      // Written only when it changed: every channel named in an update costs a checkpoint row.
      ...(diagram !== state.diagram ? { diagram } : {}),
      ...(!drawing.failed && !sameKeys(drawing.proposals, state.diagramProposals)
        ? { diagramProposals: drawing.proposals }
        : {}),
      ...addTo("revealedFacts", facts.revealed),
      ...addTo("ledger", added),
      // A question met with "I don't know" or declined is never asked again.
      ...((intent === "decline" || intent === "dont_know") && state.lastQuestionId
        ? { declined: [state.lastQuestionId] }
        : {}),
    };
    if (!answer.trim()) return base;

    const rubric = scenario.steps[state.step].rubric;
    // The step is scored exactly as the report scores it (lib/scoring/score-steps), over the
    // interview so far, so the sidebar and the report always agree.
    const transcript = {
      scenarioId: state.scenarioId,
      level: state.level,
      turns: [...state.turns, turn].map((t) => ({ role: t.role, step: t.step, content: t.content })),
    };
    const prepared = prepareTranscript(transcript, getScenarioLibrary(), [state.step]);
    const usable = prepared.sentences.get(state.step)?.usable ?? [];
    let notice = base.notice ?? null;
    let proposals: Awaited<ReturnType<NonNullable<InterviewerDependencies["judge"]>>> = [];
    if (deps.judge && usable.length > 0) {
      try {
        proposals = await deps.judge({ step: state.step, level: state.level, items: rubric, sentences: usable });
      } catch {
        notice = MODEL_UNAVAILABLE_NOTICE;
      }
    }
    const [outcome] = scoreSteps(prepared, [state.step], { [state.step]: proposals });
    const decisions = outcome?.decisions ?? [];
    const before = state.coverage[state.step] ?? {};
    const credits = Object.fromEntries(decisions.map((d) => [d.item.id, d.credit]));
    const fresh = decisions.find(
      (d) => d.mistake && d.quote?.turn === turnIndex && !state.pushedBack.includes(d.item.id),
    );
    const mistake = fresh?.item.mistakes.find((m) => m.text === fresh.mistake);
    const numbers = checkNumbers(
      { ...state, ledger: [...state.ledger, ...given, ...facts.ledger] },
      answer,
      deps.runCheck !== null,
    );
    const assessment: Assessment = {
      newlyCovered: decisions.filter((d) => d.credit > (before[d.item.id] ?? 0)).map((d) => d.item.id),
      mistake: fresh && mistake ? { rubricId: fresh.item.id, text: mistake.text, pushback: mistake.pushback } : null,
      quantities: stated.map((e) => e.text),
      claim: hasNumber(answer) || hasReasoning(answer),
      // A drill gives its one step the whole time, as its clock shows.
      timeUp: elapsed >= stepBudgets(state.minutes, state.drill ? state.step : undefined)[state.step],
      checkable: numbers.pipeline,
      numberCheck: numbers.challenge,
      confirmed: numbers.confirmed,
      diagramPoint: chooseDiagramPoint({
        findings: drawing.findings,
        raised: state.diagramRaised,
        step: state.step,
        lastWasDiagram: isDiagramQuestionId(state.lastQuestionId),
      }),
    };
    // A figure the check found wrong stays in the ledger, marked, and never feeds a later check.
    const claimed = numbers.challenge?.verdict === "cannot_check" ? undefined : numbers.challenge?.claimed?.value;
    const ledger =
      claimed === undefined
        ? added
        : added.map((e) =>
            e.source === "candidate" && Math.abs(e.value - claimed) <= 1e-6 * Math.abs(claimed)
              ? { ...e, disputed: true }
              : e,
          );
    return {
      ...base,
      ...addTo("ledger", ledger),
      plan: { ...plan, preface: [plan.preface, numbers.confirmed?.headline ?? ""].filter(Boolean).join(" ") },
      notice,
      assessment,
      ...addTo("checksRun", numbers.keys),
      coverage: { [state.step]: credits },
      stepScores: { [state.step]: outcome?.score ?? 0 },
      answersPerStep: { [state.step]: (state.answersPerStep[state.step] ?? 0) + 1 },
    };
  };
}
