"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { DEFAULT_LEVEL, type Level } from "@/lib/framework";
import { apiFetch } from "./api-fetch";
import { ErrorNotice } from "./error-notice";
import { LevelSelect } from "./level-select";

/** Paste or upload, choose the scenario, and get the transcript scored. */
export function ImportForm({ scenarios }: { scenarios: Array<{ id: string; title: string }> }) {
  const router = useRouter();
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? "");
  const [level, setLevel] = useState<Level>(DEFAULT_LEVEL);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { id } = await apiFetch<{ id: string }>("/api/imports", { body: { scenarioId, level, text } });
      router.push(`/interview/${id}`);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="import-form">
      <div className="flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm">
          Scenario
          <select
            data-testid="import-scenario"
            value={scenarioId}
            onChange={(event) => setScenarioId(event.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <LevelSelect value={level} onChange={setLevel} />
        <label className="text-sm">
          <span className="mr-2">Upload</span>
          <input
            type="file"
            accept=".json,.txt,.md,text/plain,application/json"
            data-testid="import-file"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </label>
      </div>
      <label htmlFor="import-text" className="sr-only">
        Transcript
      </label>
      <textarea
        id="import-text"
        data-testid="import-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={14}
        placeholder={
          "Interviewer: What should the homepage optimise for?\nCandidate: Long-term watch time, because clicks reward clickbait."
        }
        className="w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      {error && <ErrorNotice message={error} testId="import-error" />}
      <button
        type="submit"
        disabled={busy || !text.trim()}
        data-testid="import-submit"
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
      >
        {busy ? "Scoring…" : "Score it"}
      </button>
    </form>
  );
}
