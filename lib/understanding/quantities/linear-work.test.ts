import { describe, expect, it } from "vitest";
import { detectClaims, findChecks } from "@/lib/interview/detect-claims";
import { splitSentences } from "@/lib/scoring/sentences";
import { normalizeText } from "@/lib/text/normalize";
import { parseQuantities } from "./parse-quantities";

/**
 * Reading a message must cost time in proportion to its length: a pattern that backtracks, or a
 * loop over every pair of numbers, turned an 8,000-digit message into 650 ms a turn. Each input
 * is read at n and 4n characters; linear work grows about 4x, quadratic 16x. The bound (10x) is
 * generous for a busy machine, and each size takes its fastest of several runs.
 */
const SHAPES: Record<string, (n: number) => string> = {
  "one long number": (n) => "9".repeat(n),
  "numbers and spaces": (n) => "1 ".repeat(n / 2),
  "numbers and commas": (n) => "1,".repeat(n / 2),
  "numbers and dots": (n) => "1.".repeat(n / 2),
  "numbers and dashes": (n) => "1-".repeat(n / 2),
  "a run of spaces": (n) => `1${" ".repeat(n)}x`,
  "a run of dots": (n) => `a${".".repeat(n)}a`,
  "spelled-out numbers": (n) => "two hundred ".repeat(n / 12),
  "a period opening every clause": (n) => "and each day 5 ".repeat(n / 15),
  "figures with units": (n) => "10k QPS at 2 KB each and 5 ms ".repeat(n / 30),
};

const READERS: Record<string, (text: string) => unknown> = {
  parseQuantities,
  detectClaims,
  findChecks: (text) => findChecks(text),
  splitSentences: (text) => splitSentences(text, 0),
  normalizeText,
};

function fastest(run: () => unknown, times = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("reading a message is linear in its length", () => {
  parseQuantities("warm up the recognizer with 1 number");
  const n = 2_000;
  for (const [reader, read] of Object.entries(READERS)) {
    for (const [shape, make] of Object.entries(SHAPES)) {
      it(`${reader}: ${shape}`, () => {
        const small = make(n);
        const large = make(4 * n);
        // A floor of 2 ms keeps timer noise on a very fast small run from looking like growth.
        const ratio =
          fastest(() => read(large)) /
          Math.max(
            2,
            fastest(() => read(small)),
          );
        expect(ratio, `${reader} on ${shape}: 4x the text took ${ratio.toFixed(1)}x the time`).toBeLessThan(10);
      });
    }
  }
});
