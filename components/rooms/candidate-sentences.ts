import type { Turn } from "@/lib/types";

/** One sentence the candidate said, and the message it is in: what a peer may quote. */
export interface CandidateSentence {
  /** Unique in the round: `<messageId>:<index>`. */
  key: string;
  messageId: string;
  text: string;
}

/** The candidate's sentences in transcript order, verbatim (split after . ! ? and at line breaks). */
export function candidateSentences(turns: Turn[]): CandidateSentence[] {
  return turns
    .filter((turn) => turn.role === "candidate")
    .flatMap((turn) =>
      turn.content
        .split(/(?<=[.!?])\s+|\n+/)
        .map((text) => text.trim())
        .filter((text) => text.length > 0)
        .map((text, index) => ({ key: `${turn.id}:${index}`, messageId: turn.id, text })),
    );
}
