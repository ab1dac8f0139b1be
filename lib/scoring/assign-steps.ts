import { STEP_IDS, type StepId } from "@/lib/framework";
import type { Scenario } from "@/lib/scenarios/schema";
import { stemTokens } from "./match-phrase";
import type { Transcript } from "./schema";

export interface StepAssignment {
  turn: number;
  step: StepId;
  source: "given" | "assigned";
}

/** Words that mark each step in any scenario, beside the scenario's own rubric vocabulary. */
const STEP_WORDS: Record<StepId, string> = {
  "clarify-requirements":
    "requirement clarify goal objective business scale users daily latency constraint scope assume how many privacy",
  "frame-problem":
    "frame task objective input output label classification ranking regression pointwise pairwise listwise formulate",
  "data-preparation": "data feature label sampling negative split leakage bias logs collect imbalance join",
  "model-development": "model baseline architecture loss train training tower gbdt neural layer embedding fine-tune",
  evaluation: "evaluate evaluation metric offline online experiment ndcg auc precision recall test holdout",
  "deployment-serving":
    "serve serving deploy deployment latency cache batch online infrastructure index capacity qps shard",
  monitoring: "monitor monitoring drift alert retrain dashboard feedback degrade stale",
};

function vocabularies(scenario: Scenario): Map<StepId, Set<string>> {
  return new Map(
    STEP_IDS.map((step) => {
      const content = scenario.steps[step];
      const text = [STEP_WORDS[step], content.question, ...content.rubric.flatMap((r) => r.evidence)].join(" ");
      return [step, new Set(stemTokens(text).filter((t) => t.length > 2))];
    }),
  );
}

/**
 * Gives every turn a step. Turns that name one keep it. The others get the step whose
 * vocabulary they match best, under the constraint that steps never go backwards, found by
 * dynamic programming over the whole transcript (a candidate's answer usually stays with the
 * interviewer's question before it, since that is the cheapest monotone path).
 */
export function assignSteps(transcript: Transcript, scenario: Scenario): StepAssignment[] {
  if (transcript.turns.every((turn) => turn.step))
    return label(
      transcript,
      transcript.turns.map(() => 0),
    );
  const path = monotonePath(transcript, scenario);
  // Given steps that go backwards leave no monotone path: unlabelled turns then inherit.
  return label(transcript, path ?? inheritedPath(transcript));
}

function label(transcript: Transcript, path: number[]): StepAssignment[] {
  return transcript.turns.map((turn, i) => ({
    turn: i,
    step: turn.step ?? (STEP_IDS[path[i] ?? 0] as StepId),
    source: turn.step ? "given" : "assigned",
  }));
}

function inheritedPath(transcript: Transcript): number[] {
  let current = 0;
  return transcript.turns.map((turn) => {
    if (turn.step) current = STEP_IDS.indexOf(turn.step);
    return current;
  });
}

function monotonePath(transcript: Transcript, scenario: Scenario): number[] | null {
  const vocab = vocabularies(scenario);
  const n = transcript.turns.length;
  const fit = transcript.turns.map((turn) => {
    const tokens = stemTokens(turn.content);
    return STEP_IDS.map((step) => {
      const words = vocab.get(step) ?? new Set<string>();
      const hits = tokens.filter((t) => words.has(t)).length;
      return hits / Math.sqrt(tokens.length + 1);
    });
  });
  const K = STEP_IDS.length;
  const best: number[][] = Array.from({ length: n }, () => new Array<number>(K).fill(Number.NEGATIVE_INFINITY));
  const from: number[][] = Array.from({ length: n }, () => new Array<number>(K).fill(0));
  const allowed = (i: number, k: number) => {
    const given = transcript.turns[i]?.step;
    return given === undefined || STEP_IDS.indexOf(given) === k;
  };
  for (let i = 0; i < n; i++) {
    let runMax = Number.NEGATIVE_INFINITY;
    let runArg = 0;
    for (let k = 0; k < K; k++) {
      const previous = i === 0 ? (k === 0 ? 0 : -0.5 * k) : (best[i - 1]?.[k] ?? Number.NEGATIVE_INFINITY);
      if (previous > runMax) {
        runMax = previous;
        runArg = k;
      }
      if (!allowed(i, k)) continue;
      // A small cost per step jumped keeps unlabelled turns with their neighbours.
      (best[i] as number[])[k] = runMax + (fit[i]?.[k] ?? 0) - (runArg === k ? 0 : 0.15);
      (from[i] as number[])[k] = runArg;
    }
  }
  const last = best[n - 1] ?? [];
  let k = last.reduce((arg, value, index) => (value > (last[arg] ?? Number.NEGATIVE_INFINITY) ? index : arg), 0);
  if (!Number.isFinite(last[k] ?? Number.NEGATIVE_INFINITY)) return null;
  const steps = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    steps[i] = k;
    k = from[i]?.[k] ?? k;
  }
  return steps;
}
