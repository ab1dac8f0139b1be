import { STEP_TITLES } from "@/lib/framework";
import type { Turn } from "@/lib/types";
import { CitationList } from "./citation-list";

/** One transcript turn. */
export function MessageBubble({ turn, pending = false, anchor }: { turn: Turn; pending?: boolean; anchor?: string }) {
  const mine = turn.role === "candidate";
  return (
    <li
      id={anchor}
      data-testid={`turn-${turn.role}`}
      className={`flex scroll-mt-20 flex-col gap-1 target:[&>div]:ring-2 target:[&>div]:ring-amber-400 ${mine ? "items-end" : "items-start"}`}
      aria-busy={pending || undefined}
    >
      <span className="text-xs text-zinc-500">
        {mine ? "You" : "Interviewer"}
        {turn.step ? ` · ${STEP_TITLES[turn.step]}` : ""}
      </span>
      <div
        className={`max-w-[85%] whitespace-pre-wrap rounded-lg px-3 py-2 text-sm leading-relaxed ${
          mine ? "bg-indigo-600 text-white" : "bg-zinc-100 dark:bg-zinc-800"
        } ${pending ? "opacity-60" : ""}`}
      >
        {turn.content}
      </div>
      {turn.notice && (
        <p className="text-xs text-zinc-500" data-testid="turn-notice">
          {turn.notice}
        </p>
      )}
      {turn.citations && turn.citations.length > 0 && <CitationList citations={turn.citations} />}
    </li>
  );
}
