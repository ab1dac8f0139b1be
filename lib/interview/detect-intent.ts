/** What a candidate message asks of the interviewer, besides being an answer. */
export type CandidateIntent = "answer" | "next" | "hint" | "end" | "question" | "decline";

const COMMANDS: Array<[Exclude<CandidateIntent, "answer" | "question">, RegExp]> = [
  ["end", /^(end|finish|stop)( the)?( interview)?[.!]?$/],
  ["next", /^(next|skip|move on|next step|let'?s move on|pass)[.!]?$/],
  ["hint", /^(hint|a hint|give me a hint|can i (get|have) a hint\??|i'?m stuck)[.!?]?$/],
  [
    "decline",
    /^(i (don'?t|do not) know|no idea|not sure|i'?d rather not( answer)?|i'?ll skip (that|this)( one)?)[.!]?$/,
  ],
];

/**
 * Reads the candidate's command words. Only a short message that is the command itself counts,
 * so an answer that mentions "next" in passing is still an answer.
 */
export function detectIntent(message: string): CandidateIntent {
  const text = message.trim().toLowerCase().replace(/\s+/g, " ");
  for (const [intent, pattern] of COMMANDS) {
    if (pattern.test(text)) return intent;
  }
  const words = text.split(" ").length;
  if (text.endsWith("?") && words <= 25) return "question";
  return "answer";
}
