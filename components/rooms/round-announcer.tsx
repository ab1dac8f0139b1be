import type { RoundView } from "@/lib/rooms/types";
import { speakerOf } from "./round-transcript";

/**
 * Tells screen readers what someone else just said. The AI's reply is heard as it streams (the
 * live reply region), so only members' messages are announced here, each once.
 */
export function RoundAnnouncer({ view }: { view: RoundView }) {
  const mine = view.seat === "candidate" ? "candidate" : view.seat === "interviewer" ? "interviewer" : null;
  const last = view.interview.turns.at(-1);
  const aiSpoke = last?.role === "interviewer" && view.interviewer === null;
  const text = last && last.role !== mine && !aiSpoke ? `${speakerOf(view, last)}: ${last.content}` : "";
  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="round-announcer">
      {text}
    </p>
  );
}
