import { detectClaims, type QuantitativeClaim } from "@/lib/interview/detect-claims";
import { detectIntent } from "@/lib/interview/detect-intent";
import { extractQuantities } from "@/lib/interview/extract-numbers";
import { stepBudgets } from "@/lib/interview/timing";
import { getScenario } from "@/lib/scenarios/library";
import { assessStep, screenSentences } from "@/lib/scoring/assess-step";
import { hasNumber, hasReasoning } from "@/lib/scoring/claims";
import { splitSentences } from "@/lib/scoring/sentences";
import type { InterviewerDependencies } from "../dependencies";
import { MODEL_UNAVAILABLE_NOTICE } from "../speak";
import type { Assessment, State, Update } from "../state";

/**
 * A claim the step has not checked yet: by the model's tool call when there is a model (falling
 * back to patterns if that fails), by patterns over numbers and units otherwise.
 */
async function findCheckable(deps: InterviewerDependencies, answer: string, state: State) {
  const fresh = (c: QuantitativeClaim | null) =>
    c && !state.checksRun.includes(`${state.step}:${c.pipeline}`) ? c : null;
  if (deps.detectClaim) {
    try {
      return fresh(await deps.detectClaim(answer));
    } catch {
      // The patterns below still find the common claims.
    }
  }
  return detectClaims(answer).find((c) => fresh(c)) ?? null;
}

/**
 * Records the candidate's message, reads its intent, and assesses the step's answers with the
 * scorer's own rules (with the model judge's verified proposals when one is configured).
 */
export function createAssessAnswer(deps: InterviewerDependencies) {
  return async function assessAnswer(state: State): Promise<Update> {
    const input = state.pending;
    if (!input) throw new Error("assessAnswer ran without a pending candidate message");
    const intent = detectIntent(input.content);
    const turnIndex = state.turns.length;
    const turn = { id: input.id, role: "candidate" as const, step: state.step, content: input.content };
    const elapsed = Math.max(0, Date.parse(input.at) - Date.parse(state.stepStartedAt));
    const base: Update = {
      intent,
      turns: [turn],
      pending: null,
      notice: null,
      lastMessageAt: input.at,
      timeSpent: { [state.step]: elapsed },
      assessment: null,
      ...(intent === "decline" && state.lastQuestionId ? { declined: [state.lastQuestionId] } : {}),
    };
    if (intent !== "answer") return base;

    const rubric = getScenario(state.scenarioId).steps[state.step].rubric;
    const stepTurns = [...state.turns.map((t, i) => ({ t, i })), { t: turn, i: turnIndex }].filter(
      ({ t }) => t.role === "candidate" && t.step === state.step,
    );
    const { usable } = screenSentences(stepTurns.flatMap(({ t, i }) => splitSentences(t.content, i)));
    let notice: string | null = null;
    let proposals: Awaited<ReturnType<NonNullable<InterviewerDependencies["judge"]>>> = [];
    if (deps.judge) {
      try {
        proposals = await deps.judge({ step: state.step, level: state.level, items: rubric, sentences: usable });
      } catch {
        notice = MODEL_UNAVAILABLE_NOTICE;
      }
    }
    const decisions = assessStep(rubric, usable, proposals);
    const before = state.coverage[state.step] ?? {};
    const credits = Object.fromEntries(decisions.map((d) => [d.item.id, d.credit]));
    const fresh = decisions.find(
      (d) => d.mistake && d.quote?.turn === turnIndex && !state.pushedBack.includes(d.item.id),
    );
    const mistake = fresh?.item.mistakes.find((m) => m.text === fresh.mistake);
    const assessment: Assessment = {
      newlyCovered: decisions.filter((d) => d.credit > (before[d.item.id] ?? 0)).map((d) => d.item.id),
      mistake: fresh && mistake ? { rubricId: fresh.item.id, text: mistake.text, pushback: mistake.pushback } : null,
      quantities: extractQuantities(input.content),
      claim: hasNumber(input.content) || hasReasoning(input.content),
      timeUp: elapsed >= stepBudgets(state.minutes)[state.step],
      checkable: deps.runCheck ? await findCheckable(deps, input.content, state) : null,
    };
    return {
      ...base,
      notice,
      assessment,
      coverage: { [state.step]: credits },
      answersPerStep: { [state.step]: (state.answersPerStep[state.step] ?? 0) + 1 },
    };
  };
}
