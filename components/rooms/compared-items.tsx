import { STEP_TITLES } from "@/lib/framework";
import type { ComparedItem } from "@/lib/rooms/types";

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Rubric items of the peer report: the AI's credit and quote beside each peer's tick and quote. */
export function ComparedItems({ items }: { items: ComparedItem[] }) {
  return (
    <ol className="space-y-3">
      {items.map((item) => (
        <li
          key={`${item.step}:${item.rubricId}`}
          data-testid="peer-report-item"
          className="min-w-0 space-y-1 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
        >
          <p className="break-words font-medium">
            {item.title}{" "}
            <span className="text-xs font-normal text-muted">
              · {STEP_TITLES[item.step]} · gap {percent(item.disagreement)}
            </span>
          </p>
          <p className="break-words">
            <span className="font-medium">AI:</span> {percent(item.ai.credit)} credit
            {item.ai.quote && <q className="ml-1 italic">{item.ai.quote}</q>}
          </p>
          <ul className="space-y-0.5">
            {item.peers.map((peer) => (
              <li key={peer.userId} className="break-words">
                <span className="font-medium">{peer.displayName}:</span> {peer.ticked ? "ticked" : "not ticked"}
                {peer.quote && <q className="ml-1 italic">{peer.quote}</q>}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
