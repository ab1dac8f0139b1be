"use client";

import { useState } from "react";
import type { Citation } from "@/lib/scoring/schema";

interface Passage {
  title: string;
  text: string;
  sources: string[];
}

/** Citations that expand to the passage they cite. */
export function CitationList({ citations }: { citations: Citation[] }) {
  const [open, setOpen] = useState<Record<string, Passage | "loading" | "error">>({});

  async function toggle(chunkId: string) {
    if (open[chunkId]) {
      setOpen(({ [chunkId]: _closed, ...rest }) => rest);
      return;
    }
    setOpen((o) => ({ ...o, [chunkId]: "loading" }));
    const response = await fetch(`/api/passages/${encodeURIComponent(chunkId)}`);
    const passage = response.ok ? ((await response.json()) as Passage) : null;
    setOpen((o) => ({ ...o, [chunkId]: passage ?? "error" }));
  }

  return (
    <ul className="mt-1 space-y-1 text-xs" aria-label="Citations" data-testid="citations">
      {citations.map((c) => {
        const state = open[c.chunkId];
        return (
          <li key={c.chunkId}>
            <button
              type="button"
              aria-expanded={Boolean(state)}
              onClick={() => void toggle(c.chunkId)}
              // 24 px tall at least: a list of small text buttons is easy to miss with a finger.
              className="min-h-6 text-left text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              data-testid="citation"
            >
              <span aria-hidden="true">📖 </span>
              {c.title}
            </button>
            {state === "loading" && <span className="ml-2 text-muted">loading…</span>}
            {state === "error" && <span className="ml-2 text-muted">passage not found</span>}
            {state && typeof state === "object" && (
              <blockquote
                className="mt-1 border-l-2 border-zinc-300 pl-2 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300"
                data-testid="citation-passage"
              >
                {state.text}
                {state.sources.length > 0 && (
                  <span className="block text-muted">Sources: {state.sources.join("; ")}</span>
                )}
              </blockquote>
            )}
          </li>
        );
      })}
    </ul>
  );
}
