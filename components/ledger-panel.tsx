"use client";

import { useEffect, useRef } from "react";
import type { LedgerEntry } from "@/lib/types";

const GROUPS = [
  { source: "interviewer", title: "From the interviewer" },
  { source: "candidate", title: "You said" },
] as const;

/**
 * "Requirements and numbers so far": the facts the interviewer revealed and the numbers the
 * candidate stated. A disclosure that starts open on wide screens and folded on phones, where it
 * sits above the transcript.
 */
export function LedgerPanel({ entries }: { entries: LedgerEntry[] }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current && window.matchMedia("(min-width: 768px)").matches) details.current.open = true;
  }, []);

  return (
    <details
      ref={details}
      className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      data-testid="ledger"
    >
      <summary className="cursor-pointer font-medium">
        Requirements and numbers so far
        <span className="ml-1 text-xs font-normal text-muted">({entries.length})</span>
      </summary>
      {entries.length === 0 ? (
        <p className="mt-2 text-xs text-muted" data-testid="ledger-empty">
          Nothing yet. Facts the interviewer gives you and numbers you state will collect here.
        </p>
      ) : (
        <div className="mt-2 space-y-3">
          {GROUPS.map(({ source, title }) => {
            const group = entries.filter((entry) => entry.source === source);
            if (group.length === 0) return null;
            return (
              <section key={source} aria-label={title} data-testid={`ledger-${source}`}>
                <h2 className="text-xs font-semibold uppercase tracking-wide text-muted">{title}</h2>
                <ul className="mt-1 space-y-1">
                  {group.map((entry) => (
                    <li
                      key={`${entry.turn}-${entry.text}`}
                      className="break-words"
                      title={entry.sentence}
                      data-testid="ledger-entry"
                    >
                      <span className="font-medium tabular-nums">{entry.text}</span>
                      {entry.what && <span className="text-muted"> · {entry.what}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </details>
  );
}
