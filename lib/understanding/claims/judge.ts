/**
 * How a claimed figure is judged against the arithmetic, and how figures are written, shared by
 * every kind of check so the cards read alike.
 */
import { bytes, grouped } from "@/lib/pipelines/capacity/format";
import type { ArithmeticCheck } from "./types";

/** Back-of-envelope inputs are rounded, so within 1.5× either way the claim stands. */
export const TOLERANCE = 1.5;
export const TOLERANCE_NOTE = `A figure within ${TOLERANCE}× of the arithmetic either way counts as consistent: the inputs are rounded.`;

export interface Judgement {
  verdict: "consistent" | "too_high" | "too_low";
  factor: number;
}

/** Consistent when the claim is within tolerance of any of the `expected` figures (raw or with overhead). */
export function judge(claimed: number, ...expected: number[]): Judgement {
  const factors = expected.map((e) => Math.max(claimed / e, e / claimed));
  const factor = Math.min(...factors);
  if (factor <= TOLERANCE * (1 + 1e-9)) return { verdict: "consistent", factor };
  return { verdict: claimed > Math.max(...expected) ? "too_high" : "too_low", factor };
}

/** Three significant figures, grouped: 28,935 → "28,900"; 231.48 → "231". */
export function about(value: number): string {
  if (Math.abs(value) < 1) return grouped(value);
  return grouped(Number(value.toPrecision(3)));
}

/** A factor as said aloud: "16×", "1.3×". */
export const times = (factor: number) => `${factor >= 10 ? Math.round(factor) : Number(factor.toFixed(1))}×`;

/** "about 16× more than your 64 GB" / "about 3× less than your 2 TB". */
export function comparedWith(claimedText: string, j: Judgement): string {
  return `about ${times(j.factor)} ${j.verdict === "too_low" ? "more" : "less"} than your ${claimedText}`;
}

export { bytes };

/** A cannot_check card: what is missing and the question that would fill it. */
export function cannotCheck(
  kind: ArithmeticCheck["kind"],
  quote: string,
  claimedText: string,
  missing: Array<[string, string]>,
  formula: string,
): ArithmeticCheck {
  const names = missing.map(([name]) => name);
  const question = missing.map(([, q]) => q).join(" And ");
  return {
    kind,
    quote,
    verdict: "cannot_check",
    formula,
    missing: names,
    headline: `I can't check ${claimedText} without ${names.join(" and ")}: ${question}`,
    rows: [{ label: "Needed to check", value: names.join(", "), formula }],
    assumptions: [],
  };
}
