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

/** Quantities stated earlier in the interview, to fill an input the sentence leaves out. */
export interface ClaimContext {
  quantities: import("../types").Quantity[];
}
