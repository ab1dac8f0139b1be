"use client";

import { type FormEvent, useState } from "react";
import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { GroundingResult } from "@/lib/search/search-grounding";
import { apiFetch } from "./api-fetch";
import { ErrorNotice } from "./error-notice";

/** Where a passage comes from, in words: this case study, another one, or general guidance. */
function sourceOf(result: GroundingResult, scenarioId?: string, scenarioTitle?: string): string {
  if (result.scenarioId === null) return "General guidance";
  return result.scenarioId === scenarioId && scenarioTitle ? scenarioTitle : "Another case study";
}

/** Searches the case-study passages; results show source, step and title, and expand to the text. */
export function PassageSearch({
  scenarioId,
  scenarioTitle,
  compact = false,
}: {
  scenarioId?: string;
  scenarioTitle?: string;
  compact?: boolean;
}) {
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<GroundingResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams({ q: query, k: "5" });
      if (scenarioId) params.set("scenario", scenarioId);
      const body = await apiFetch<{ results: GroundingResult[] }>(`/api/search?${params}`);
      setResults(body.results);
    } catch (caught) {
      setError((caught as Error).message);
      setResults(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <search aria-label="Search the case studies" className="block space-y-3" data-testid="passage-search">
      <form onSubmit={onSubmit} className="flex gap-2">
        <label htmlFor={`passage-search-${scenarioId ?? "all"}`} className="sr-only">
          Search the case studies
        </label>
        <input
          id={`passage-search-${scenarioId ?? "all"}`}
          data-testid="passage-search-input"
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={
            compact ? "Search case studies…" : "Search the case studies, e.g. “why do top slots get more clicks”"
          }
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <button
          type="submit"
          disabled={busy || !query.trim()}
          data-testid="passage-search-submit"
          className="rounded-md border border-zinc-300 px-3 py-1 text-sm disabled:opacity-50 dark:border-zinc-700"
        >
          {busy ? "…" : "Search"}
        </button>
      </form>
      {error && <ErrorNotice message={error} testId="passage-search-error" />}
      {results && results.length === 0 && <p className="text-sm text-muted">No passage matched.</p>}
      {results && results.length > 0 && (
        <ol className="space-y-2" data-testid="passage-search-results" aria-live="polite">
          {results.map((result) => (
            <li key={result.chunkId} data-testid="passage-result">
              <details className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
                <summary className="cursor-pointer">
                  <span className="font-medium">{result.title}</span>
                  <span className="ml-2 text-xs text-muted">
                    {sourceOf(result, scenarioId, scenarioTitle)} · {STEP_TITLES[result.step as StepId] ?? "All steps"}
                  </span>
                </summary>
                <p className="mt-2 whitespace-pre-wrap leading-relaxed">{result.text}</p>
                {result.sources.length > 0 && (
                  <p className="mt-1 text-xs text-muted">Sources: {result.sources.join("; ")}</p>
                )}
              </details>
            </li>
          ))}
        </ol>
      )}
    </search>
  );
}
