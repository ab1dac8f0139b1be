import type { RubricItem } from "@/lib/scenarios/schema";
import { checkArithmeticClaims } from "@/lib/understanding/claims/check-arithmetic";
import type { ContextQuantity } from "@/lib/understanding/claims/types";
import { parseQuantities } from "@/lib/understanding/quantities/parse-quantities";
import { isNegatedAt } from "./claims";
import type { ReadSentence } from "./evidence/features";
import { findPhrase, stemTokens } from "./match-phrase";
import type { Sentence } from "./sentences";

/**
 * How far off a figure must be to cost credit: designing for twice the average ("to be safe",
 * a peak factor) is a choice, not an error; three times off is arithmetic gone wrong.
 */
export const COSTLY_FACTOR = 3;

/** A figure whose arithmetic the checks found wrong, in the candidate's sentence. */
export interface NumberError {
  sentence: Sentence;
  headline: string;
}

/** The first sentence that commits one of the item's listed mistakes (a trigger not negated). */
export function findMistakeSentence(
  item: RubricItem,
  read: ReadSentence[],
): { sentence: Sentence; text: string } | null {
  for (const mistake of item.mistakes) {
    for (const trigger of mistake.triggers) {
      const phrase = stemTokens(trigger);
      for (const r of read) {
        const at = findPhrase(r.tokens, phrase);
        if (at >= 0 && !isNegatedAt(r.words, at)) return { sentence: r.sentence, text: mistake.text };
      }
    }
  }
  return null;
}

/** A later sentence that takes the mistake back: it names the trigger negated ("not a fixed 0.5 threshold"). */
export function findRetraction(item: RubricItem, read: ReadSentence[], after: Sentence): Sentence | null {
  for (const r of read) {
    if (r.sentence.turn < after.turn || (r.sentence.turn === after.turn && r.sentence.start <= after.start)) continue;
    for (const mistake of item.mistakes) {
      for (const trigger of mistake.triggers) {
        const at = findPhrase(r.tokens, stemTokens(trigger));
        if (at >= 0 && isNegatedAt(r.words, at)) return r.sentence;
      }
    }
  }
  return null;
}

/**
 * Runs the arithmetic checks over the candidate's sentences in order, each with what was said
 * before it (both sides) as context, and returns the wrong ones. A later figure of the same kind
 * that checks out corrects an earlier wrong one, so the earlier one is dropped.
 */
export function findNumberErrors(
  turns: Array<{ role: "interviewer" | "candidate"; content: string }>,
  sentencesOf: (content: string, turn: number) => Sentence[],
  checked: (turn: number) => boolean = () => true,
): NumberError[] {
  // Each sentence is parsed once; later claims see its quantities with their sentence and order.
  const said: ContextQuantity[] = [];
  const wrong: Array<NumberError & { kind: string }> = [];
  let order = 0;
  turns.forEach((turn, index) => {
    for (const sentence of sentencesOf(turn.content, index)) {
      order++;
      if (!/\d/.test(sentence.text)) continue;
      if (turn.role === "candidate" && checked(index)) {
        for (const check of checkArithmeticClaims(sentence.text, { quantities: said })) {
          if ((check.verdict === "too_high" || check.verdict === "too_low") && (check.factor ?? 0) >= COSTLY_FACTOR) {
            wrong.push({ sentence, headline: check.headline, kind: check.kind });
          } else if (check.verdict === "consistent") {
            for (let i = wrong.length - 1; i >= 0; i--) if (wrong[i]?.kind === check.kind) wrong.splice(i, 1);
          }
        }
      }
      for (const q of quantitiesOf(sentence.text)) said.push({ ...q, sentence: sentence.text, order });
    }
  });
  return wrong.map(({ sentence, headline }) => ({ sentence, headline }));
}

/** Each sentence's quantities are parsed once per process: the live interview re-reads earlier turns. */
const parsed = new Map<string, ReturnType<typeof parseQuantities>>();
export function quantitiesOf(text: string): ReturnType<typeof parseQuantities> {
  let quantities = parsed.get(text);
  if (!quantities) {
    quantities = parseQuantities(text);
    if (parsed.size >= 5000) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, quantities);
  }
  return quantities;
}

/** A figure as kind and value, so "500M users" and "500 million people" meet and "10 minutes" and "10 million" do not. */
export function figureKeys(text: string): string[] {
  return quantitiesOf(text).map((q) => `${q.kind}:${Number(q.value.toPrecision(6))}`);
}
