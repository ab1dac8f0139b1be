import { STEP_TITLES } from "@/lib/framework";
import type { Turn } from "@/lib/types";
import { CheckCardView } from "./check-card";
import { CitationList } from "./citation-list";

/** Splits `text` around the quotes so they can be marked; quotes are verbatim substrings. */
function markQuotes(text: string, quotes: string[]): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let rest = text;
  for (;;) {
    const hits = quotes.map((q) => ({ q, at: rest.indexOf(q) })).filter((h) => h.at >= 0 && h.q.length > 0);
    const first = hits.sort((a, b) => a.at - b.at)[0];
    if (!first) break;
    if (first.at > 0) parts.push({ text: rest.slice(0, first.at), marked: false });
    parts.push({ text: first.q, marked: true });
    rest = rest.slice(first.at + first.q.length);
  }
  if (rest) parts.push({ text: rest, marked: false });
  return parts;
}

/** One transcript turn, with its notice, check card and citations. */
export function MessageBubble({
  turn,
  pending = false,
  anchor,
  highlights = [],
  checkProgress,
}: {
  turn: Turn;
  pending?: boolean;
  anchor?: string;
  highlights?: string[];
  /** How a pending check is getting on, while its card has not arrived. */
  checkProgress?: string;
}) {
  const mine = turn.role === "candidate";
  return (
    <li
      id={anchor}
      data-testid={`turn-${turn.role}`}
      className={`flex min-w-0 scroll-mt-20 scroll-mb-[var(--composer-h,0px)] flex-col gap-1 target:[&>div]:ring-2 target:[&>div]:ring-amber-400 ${mine ? "items-end" : "items-start"}`}
      aria-busy={pending || undefined}
    >
      <span className="text-xs text-muted">
        {mine ? "You" : "Interviewer"}
        {turn.step ? ` · ${STEP_TITLES[turn.step]}` : ""}
      </span>
      <div
        className={`max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm leading-relaxed ${
          mine ? "bg-indigo-600 text-white" : "bg-zinc-100 dark:bg-zinc-800"
        } ${pending ? "opacity-60" : ""}`}
      >
        {markQuotes(turn.content, highlights).map((part, i) =>
          part.marked ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder
            <mark key={i} data-testid="quote-highlight" className="rounded bg-amber-200 px-0.5 text-zinc-900">
              {part.text}
            </mark>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional and never reorder
            <span key={i}>{part.text}</span>
          ),
        )}
      </div>
      {turn.notice && (
        <p className="text-xs text-muted" data-testid="turn-notice">
          {turn.notice}
        </p>
      )}
      {turn.check && <CheckCardView card={turn.check} progress={checkProgress} />}
      {turn.citations && turn.citations.length > 0 && <CitationList citations={turn.citations} />}
    </li>
  );
}
