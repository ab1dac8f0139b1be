import { findChecks, type QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { CheckCard, LedgerEntry } from "@/lib/types";
import type { ArithmeticCheck, ContextQuantity } from "@/lib/understanding/claims/types";
import type { State } from "../../state";

const ARITHMETIC_TITLES: Record<ArithmeticCheck["kind"], string> = {
  memory: "memory arithmetic",
  storage: "storage arithmetic",
  qps: "traffic arithmetic",
  servers: "server-count arithmetic",
  bandwidth: "bandwidth arithmetic",
};

/** The key under which a check is remembered, so the same figure is never checked twice in a step. */
export const arithmeticKey = (step: string, check: ArithmeticCheck) =>
  `${step}:${check.kind}:${check.claimed?.value ?? "unknown"}`;
export const pipelineKey = (step: string, claim: QuantitativeClaim) => `${step}:${claim.pipeline}`;

/** The card for an arithmetic verdict: computed inline, so it is complete when the reply is. */
export function arithmeticCard(check: ArithmeticCheck): CheckCard {
  return {
    pipeline: check.kind,
    title: ARITHMETIC_TITLES[check.kind],
    claim: check.quote,
    status: "done",
    verdict: check.verdict,
    headline: check.headline,
    rows: check.rows,
    chart: null,
    assumptions: check.assumptions,
  };
}

/**
 * Earlier figures, as quantities a check may borrow an input from ("you said 1 billion vectors"),
 * each with its sentence, its place in that sentence and its turn, so a check can choose the figure
 * whose words match the claim and let a later correction override an earlier figure.
 */
function ledgerQuantities(ledger: LedgerEntry[]): ContextQuantity[] {
  return ledger
    .filter((e) => !e.disputed)
    .map((e) => {
      const start = e.sentence ? e.sentence.indexOf(e.text) : -1;
      const base = { text: e.text, kind: e.kind, value: e.value, unit: "", ...(e.what ? { what: e.what } : {}) };
      return start >= 0
        ? { ...base, start, end: start + e.text.length, sentence: e.sentence, order: e.turn }
        : { ...base, start: 0, end: 0, order: e.turn };
    });
}

export interface NumberChecks {
  /** Wrong, or missing an input: the reply challenges it. */
  challenge: ArithmeticCheck | null;
  /** Right: the reply confirms it and moves on. */
  confirmed: ArithmeticCheck | null;
  /** A claim only a pipeline run can check; it runs after the reply. */
  pipeline: QuantitativeClaim | null;
  /** Keys of everything looked at, so it is not checked again. */
  keys: string[];
}

/** Checks the numbers of an answer: arithmetic inline, pipeline claims for later. */
export function checkNumbers(state: State, answer: string, pipelinesOn: boolean): NumberChecks {
  const found = findChecks(answer, { quantities: ledgerQuantities(state.ledger) });
  const done = new Set(state.checksRun);
  const arithmetic = found.arithmetic.filter((c) => !done.has(arithmeticKey(state.step, c)));
  // A wrong figure is challenged first. A figure that cannot be checked is asked about only when
  // nothing else in the answer checked out: "6.1 TB, so 48 machines with 128 GB each" is
  // confirmed by its memory arithmetic, not questioned for a missing per-server load.
  const wrong = arithmetic.find((c) => c.verdict === "too_high" || c.verdict === "too_low");
  const right = arithmetic.find((c) => c.verdict === "consistent");
  const unknown = arithmetic.find((c) => c.verdict === "cannot_check");
  const challenge = wrong ?? (right ? null : (unknown ?? null));
  const confirmed = challenge ? null : (right ?? null);
  // A memory verdict that says the claim cannot fit comes first; the run would only restate it.
  const memoryFirst = challenge?.kind === "memory";
  const pipeline =
    pipelinesOn && !memoryFirst ? (found.pipeline.find((c) => !done.has(pipelineKey(state.step, c))) ?? null) : null;
  return {
    challenge,
    confirmed,
    pipeline,
    keys: [
      ...arithmetic.map((c) => arithmeticKey(state.step, c)),
      ...(pipeline ? [pipelineKey(state.step, pipeline)] : []),
    ],
  };
}
