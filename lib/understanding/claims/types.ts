/** The result of checking one arithmetic claim in a candidate's sentence. */
export interface ArithmeticCheck {
  kind: "memory" | "storage" | "qps" | "servers" | "bandwidth";
  /** The sentence. */
  quote: string;
  verdict: "consistent" | "too_high" | "too_low" | "cannot_check";
  /** The candidate's figure in base units, with their words. */
  claimed?: { value: number; text: string };
  /** What the arithmetic gives, in base units. */
  expected?: number;
  /** max(claimed / expected, expected / claimed). */
  factor?: number;
  /** The arithmetic with the numbers filled in: "1,000,000,000 × 256 × 4 B = 1.02 TB". */
  formula: string;
  /** For cannot_check: the inputs that are missing ("the embedding dimension"). */
  missing: string[];
  /** One sentence in the candidate's terms, leading the card. */
  headline: string;
  /** Only rows about this claim. */
  rows: Array<{ label: string; value: string; formula?: string }>;
  assumptions: string[];
}

/**
 * A quantity stated earlier, with the sentence it was said in and when: a check picks an input by
 * what the sentence says it counts ("every chunk is embedded"), and a later figure of the same role
 * corrects an earlier one.
 */
export type ContextQuantity = import("../types").Quantity & {
  /** The sentence the figure was said in, verbatim. */
  sentence?: string;
  /** Position in the conversation (a turn or sentence index): larger is later. */
  order?: number;
  /** How closely the figure's own words match the claim being checked; set per claim. */
  relevance?: number;
};

/**
 * What was said earlier in the interview, to fill an input the sentence leaves out: quantities
 * (each may carry its sentence and order), and/or earlier sentences, oldest first, which are
 * parsed and placed after the quantities.
 */
export interface ClaimContext {
  quantities: ContextQuantity[];
  sentences?: string[];
}
