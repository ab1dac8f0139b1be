import { classifySentence } from "./acts/classify-sentence";
import { detectActs } from "./detect-acts";
import { parseQuantities } from "./quantities/parse-quantities";
import type { Act, Understanding } from "./types";

/**
 * How sure the classifier must be before a sentence ends the interview or leaves a step. The
 * costs are lopsided: a wrong ending throws away the rest of the interview and cannot be undone,
 * while a missed one costs the candidate one more message. A step named outright ("go to the
 * model") asks for less. Below these, the sentence is read as an answer and the reply says how
 * to end or move on if that was meant.
 */
export const COMMAND_CONFIDENCE = { end: 0.95, move_on: 0.75, move_on_to_named_step: 0.5 } as const;

/** Words long enough that an answer beside a request to end is real content ("I'm done. That's my answer: …"). */
const SUBSTANTIVE_ANSWER_WORDS = 6;

/**
 * Reads a message's commands in the light of the rest of it. A request to end beside a real answer
 * most likely ends the answer ("I'm done. That's my answer for labels: …"), so it is asked about,
 * not obeyed. A request to skip that names a question and no step skips the question, not the step.
 */
export function guardMessage(acts: Act[]): Act[] {
  const answered = acts.some((a) => a.kind === "answer" && a.sentence.split(/\s+/).length >= SUBSTANTIVE_ANSWER_WORDS);
  return acts.map((act) => {
    if (act.kind === "end" && answered) return { kind: "answer", sentence: act.sentence, unsure: "end" };
    if (act.kind === "move_on" && !act.targetStep && /\bquestions?\b/i.test(act.sentence))
      return { kind: "decline", sentence: act.sentence };
    return act;
  });
}

/** Keeps a request to end or move on only when the classifier is sure enough of it. */
export function guardCommand(act: Act): Act {
  if (act.kind !== "end" && act.kind !== "move_on") return act;
  const confidence = classifySentence(act.sentence).scores[act.kind];
  const needed =
    act.kind === "end"
      ? COMMAND_CONFIDENCE.end
      : act.targetStep
        ? COMMAND_CONFIDENCE.move_on_to_named_step
        : COMMAND_CONFIDENCE.move_on;
  return confidence >= needed ? act : { kind: "answer", sentence: act.sentence, unsure: act.kind };
}

/**
 * Reads a candidate message without a model: the trained act classifier sentence by sentence,
 * and the quantity parser. A message with no sentence the classifier can read is an answer.
 */
export function understandOffline(message: string): Understanding {
  const acts = guardMessage(detectActs(message).map(guardCommand));
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
