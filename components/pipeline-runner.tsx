"use client";

import { type FormEvent, useRef, useState } from "react";
import type { ChartSpec, SummaryRow } from "@/lib/pipelines/types";
import { ErrorNotice } from "./error-notice";
import { PipelineChart } from "./pipeline-chart";
import { postForNdjson } from "./read-ndjson";
import { SummaryTable } from "./summary-table";

export interface PipelineInfo {
  name: string;
  title: string;
  description: string;
  defaults: Record<string, unknown>;
}

interface Summary {
  headline: string;
  rows: SummaryRow[];
  charts: ChartSpec[];
  assumptions?: string[];
}

function parseField(raw: string, fallback: unknown): unknown {
  if (typeof fallback === "number") return Number(raw);
  if (typeof fallback === "boolean") return raw === "true";
  if (typeof fallback === "string") return raw;
  return raw.trim() === "" ? undefined : JSON.parse(raw);
}

/** A form for one pipeline's parameters, live progress, cancel, and the result with its charts. */
export function PipelineRunner({ info }: { info: PipelineInfo }) {
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(
      Object.entries(info.defaults).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]),
    ),
  );
  const [progress, setProgress] = useState<{ fraction: number; message: string } | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  async function run(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSummary(null);
    let params: Record<string, unknown>;
    try {
      params = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, parseField(v, info.defaults[k])]));
    } catch {
      setError("A JSON field is not valid JSON.");
      return;
    }
    controller.current = new AbortController();
    setProgress({ fraction: 0, message: "starting" });
    try {
      await postForNdjson(
        `/api/pipelines/${info.name}`,
        { body: params, signal: controller.current.signal },
        (message) => {
          if (message.type === "progress")
            setProgress({ fraction: Number(message.fraction), message: String(message.message) });
          else if (message.type === "result") {
            setSummary(message.summary as Summary);
            return true;
          } else if (message.type === "error") {
            const nested = message.error as { message?: string } | undefined;
            throw new Error(String(message.message ?? nested?.message ?? "The run failed."));
          }
          return undefined;
        },
      );
    } catch (caught) {
      setError((caught as Error).name === "AbortError" ? "Cancelled." : (caught as Error).message);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  }

  return (
    <section
      className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid={`lab-${info.name}`}
    >
      <h2 className="text-lg font-semibold">{info.title}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{info.description}</p>
      <form onSubmit={run} className="grid gap-2 sm:grid-cols-3">
        {Object.keys(info.defaults).map((key) => (
          <label key={key} className="flex flex-col text-xs">
            {key}
            <input
              name={key}
              data-testid={`param-${key}`}
              value={values[key] ?? ""}
              onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
              className="rounded border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
        ))}
        <div className="flex items-end gap-2 sm:col-span-3">
          <button
            type="submit"
            disabled={progress !== null}
            data-testid="run-pipeline"
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50"
          >
            Run
          </button>
          {progress && (
            <button
              type="button"
              data-testid="cancel-pipeline"
              onClick={() => controller.current?.abort()}
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
            >
              Cancel
            </button>
          )}
        </div>
      </form>
      {progress && (
        <div
          data-testid="pipeline-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.fraction * 100)}
        >
          <div className="h-2 rounded bg-zinc-200 dark:bg-zinc-800">
            <div className="h-2 rounded bg-indigo-600" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
          </div>
          <p className="text-xs text-zinc-500">{progress.message}</p>
        </div>
      )}
      {error && <ErrorNotice message={error} testId="pipeline-error" />}
      {summary && (
        <div className="space-y-3" data-testid="pipeline-result">
          <p className="font-medium">{summary.headline}</p>
          <SummaryTable rows={summary.rows} assumptions={summary.assumptions} />
          <div className="grid gap-4 md:grid-cols-2">
            {summary.charts.map((chart) => (
              <PipelineChart key={chart.id} chart={chart} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
