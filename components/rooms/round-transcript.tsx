import type { RoundComment, RoundView } from "@/lib/rooms/types";
import type { Turn } from "@/lib/types";
import { RoundMessage } from "./round-message";

/** Who said a turn, as this viewer should read it. */
export function speakerOf(view: RoundView, turn: Turn): string {
  if (turn.role === "candidate") return `${view.candidate.displayName}${view.seat === "candidate" ? " (you)" : ""}`;
  if (!view.interviewer) return "AI interviewer";
  return `${view.interviewer.displayName}${view.seat === "interviewer" ? " (you)" : ""}`;
}

/**
 * The round's messages with their comments, the message being sent, and the AI's reply as it is
 * written. The reply's region is polite and live: screen readers hear it as it grows.
 */
export function RoundTranscript({
  view,
  pending,
  live,
  checkProgress,
  base,
  onComment,
}: {
  view: RoundView;
  pending: Turn | null;
  live: string;
  checkProgress: Record<string, string>;
  base: string;
  onComment: (comment: RoundComment) => void;
}) {
  const turns = view.interview.turns;
  // The stream may deliver the message before its POST answers: it is shown once.
  const sending = pending && !turns.some((t) => t.id === pending.id) ? pending : null;
  return (
    <div className="min-w-0 space-y-4">
      <h2 className="sr-only">Transcript</h2>
      {turns.length === 0 && !sending && (
        <p className="text-sm text-muted">
          {view.interviewer ? `${view.interviewer.displayName} opens the interview.` : "The interview starts here."}
        </p>
      )}
      <ol className="flex flex-col gap-4" data-testid="round-transcript">
        {turns.map((turn) => (
          <RoundMessage
            key={turn.id}
            turn={turn}
            speaker={speakerOf(view, turn)}
            checkProgress={checkProgress[turn.id]}
            comments={view.comments.filter((c) => c.messageId === turn.id)}
            base={base}
            onComment={onComment}
          />
        ))}
        {sending && (
          <RoundMessage
            turn={sending}
            speaker={speakerOf(view, sending)}
            pending
            comments={[]}
            base={base}
            onComment={onComment}
          />
        )}
      </ol>
      <div
        data-testid="live-reply"
        role="log"
        aria-live="polite"
        aria-label="Interviewer's reply as it is written"
        className={
          live
            ? "max-w-[85%] whitespace-pre-wrap break-words rounded-lg bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800"
            : ""
        }
      >
        {live}
      </div>
    </div>
  );
}
