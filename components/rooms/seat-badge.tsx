import type { RoundSeat } from "@/lib/rooms/types";

const LABELS: Record<RoundSeat, string> = { candidate: "Candidate", interviewer: "Interviewer", observer: "Observer" };

/** The viewer's seat in the round. */
export function SeatBadge({ seat }: { seat: RoundSeat }) {
  return (
    <p className="text-sm">
      <span className="text-muted">Your seat: </span>
      <span
        data-testid="round-seat"
        className="rounded bg-indigo-50 px-1.5 py-0.5 font-medium text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
      >
        {LABELS[seat]}
      </span>
    </p>
  );
}
