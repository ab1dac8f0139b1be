import type { Act } from "./types";

/** What a whole message mainly asks of the interviewer; the router reads this. */
export type MessageIntent =
  | "answer"
  | "question"
  | "help"
  | "clarify"
  | "dont_know"
  | "decline"
  | "move_on"
  | "end"
  | "off_script";

/** An answer sentence this short says nothing to assess ("ok", "sure", "yes"). */
const MIN_ANSWER_WORDS = 3;

const words = (sentence: string) => sentence.trim().split(/\s+/).filter(Boolean).length;

/**
 * Reduces a message's acts to the one move it asks for. Ending and moving on win, since the
 * candidate asked to leave; then a real answer, whose questions and requests the reply still
 * answers; then requests for help before requests to clarify, "I don't know", a decline and
 * plain questions. A message that is only text aimed at the interviewer's instructions is off script.
 */
export function primaryIntent(acts: Act[]): MessageIntent {
  const has = (kind: Act["kind"]) => acts.some((a) => a.kind === kind);
  if (has("end")) return "end";
  if (has("move_on")) return "move_on";
  if (acts.some((a) => a.kind === "answer" && words(a.sentence) >= MIN_ANSWER_WORDS)) return "answer";
  if (has("help")) return "help";
  if (has("clarify")) return "clarify";
  if (has("dont_know")) return "dont_know";
  if (has("decline")) return "decline";
  if (has("fact_question")) return "question";
  if (acts.length > 0 && acts.every((a) => a.kind === "injection")) return "off_script";
  return "answer";
}

/** The sentences of a message that may count as evidence: never text aimed at the interviewer's instructions. */
export function answerText(acts: Act[]): string {
  return acts
    .filter((a) => a.kind === "answer")
    .map((a) => a.sentence.trim())
    .join(" ");
}
