import { CheckCardView } from "@/components/check-card";
import { CitationList } from "@/components/citation-list";
import { STEP_TITLES } from "@/lib/framework";
import type { RoundComment } from "@/lib/rooms/types";
import type { Turn } from "@/lib/types";
import { CommentForm } from "./comment-form";
import { formatTime } from "./format-time";

/**
 * One message of a round: who said it (by name: a room has more than one reader), its check card
 * and citations, the comments on it, and a "Comment" button. Styled like MessageBubble, the
 * candidate's messages on the right.
 */
export function RoundMessage({
  turn,
  speaker,
  pending = false,
  checkProgress,
  comments,
  base,
  onComment,
}: {
  turn: Turn;
  speaker: string;
  pending?: boolean;
  checkProgress?: string;
  comments: RoundComment[];
  base: string;
  onComment: (comment: RoundComment) => void;
}) {
  const candidate = turn.role === "candidate";
  return (
    <li
      data-testid={`turn-${turn.role}`}
      data-message-id={turn.id}
      aria-busy={pending || undefined}
      className={`flex min-w-0 flex-col gap-1 ${candidate ? "items-end" : "items-start"}`}
    >
      <span className="text-xs text-muted">
        {speaker}
        {turn.step ? ` · ${STEP_TITLES[turn.step]}` : ""}
      </span>
      <div
        className={`max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm leading-relaxed ${
          candidate ? "bg-indigo-600 text-white" : "bg-zinc-100 dark:bg-zinc-800"
        } ${pending ? "opacity-60" : ""}`}
      >
        {turn.content}
      </div>
      {turn.notice && <p className="text-xs text-muted">{turn.notice}</p>}
      {turn.check && <CheckCardView card={turn.check} progress={checkProgress} />}
      {turn.citations && turn.citations.length > 0 && <CitationList citations={turn.citations} />}
      {comments.length > 0 && (
        <ul className="w-full max-w-[85%] space-y-1" aria-label={`Comments on ${speaker}'s message`}>
          {comments.map((comment) => (
            <li
              key={comment.id}
              data-testid="round-comment"
              className="break-words rounded-md border-l-2 border-amber-400 bg-amber-50 px-2 py-1 text-xs text-zinc-900 dark:bg-amber-950 dark:text-zinc-100"
            >
              <span className="font-medium">{comment.authorName}</span>{" "}
              <time dateTime={comment.createdAt} className="text-zinc-600 dark:text-zinc-300">
                {formatTime(comment.createdAt)}
              </time>
              <span className="block whitespace-pre-wrap">{comment.body}</span>
            </li>
          ))}
        </ul>
      )}
      {!pending && <CommentForm base={base} messageId={turn.id} speaker={speaker} onSaved={onComment} />}
    </li>
  );
}
