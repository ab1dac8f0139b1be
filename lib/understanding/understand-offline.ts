import { detectActs } from "./detect-acts";
import { parseQuantities } from "./quantities/parse-quantities";
import type { Understanding } from "./types";

/**
 * Reads a candidate message without a model: the trained act classifier sentence by sentence,
 * and the quantity parser. A message with no sentence the classifier can read is an answer.
 */
export function understandOffline(message: string): Understanding {
  const acts = detectActs(message);
  return {
    acts: acts.length > 0 ? acts : [{ kind: "answer", sentence: message.trim() || message }],
    quantities: parseQuantities(message),
  };
}

/**
 * Keeps only what a model reported that is really in the message: every act's sentence and every
 * quantity's text must be verbatim, so a model cannot put words in the candidate's mouth. Offsets
 * are recomputed from the text. Throws when nothing usable is left, so the caller falls back.
 */
export function verifyUnderstanding(message: string, reported: Understanding): Understanding {
  const acts = reported.acts.filter((a) => a.sentence.trim() && message.includes(a.sentence.trim()));
  const quantities = reported.quantities.flatMap((q) => {
    const start = message.indexOf(q.text);
    return start < 0 ? [] : [{ ...q, start, end: start + q.text.length }];
  });
  if (acts.length === 0) throw new Error("the model's reading quoted no sentence of the message");
  return { acts, quantities };
}
