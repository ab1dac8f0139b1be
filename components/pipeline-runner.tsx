"use client";

import { type FormEvent, useId, useRef, useState } from "react";
import type { ChartSpec, SummaryRow } from "@/lib/pipelines/types";
import { openNdjson } from "@/lib/streams/read-stream";
import { ErrorNotice } from "./error-notice";
import { LabFieldInput } from "./lab-field-input";
import { LAB_FORMS, type LabField } from "./lab-forms";
import { initialValues, type LabValues, toParams, validateParams } from "./lab-params";
import { PipelineChart } from "./pipeline-chart";
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

const GRID = "grid gap-3 sm:grid-cols-2 lg:grid-cols-3";

/** A form for one pipeline's parameters, live progress, cancel, and the result with its charts. */
export function PipelineRunner({ info }: { info: PipelineInfo }) {
  const form = LAB_FORMS[info.name];
  const fields = form?.fields ?? [];
  const id = useId();
  const [values, setValues] = useState<LabValues>(() => initialValues(fields, info.defaults));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<{ fraction: number; message: string } | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  function check(): Record<string, unknown> | null {
    if (!form) return null;
    const { params, errors } = toParams(fields, values);
    const checked =
      Object.keys(errors).length > 0 ? { errors, formErrors: [] } : validateParams(form.schema, fields, params);
    setFieldErrors(checked.errors);
    const first = fields.find((field) => checked.errors[field.path]);
    if (first) {
      // The first field to fix takes focus; folded settings open so it can be seen.
      const input = formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${first.path}`)}`);
      input?.closest("details")?.setAttribute("open", "");
      input?.focus();
    }
    // A summary above the button as well as each message by its field, so nothing is missed.
    const summaryLines = fields
      .filter((field) => checked.errors[field.path])
      .map((field) => `${field.label}: ${checked.errors[field.path]}`);
    const problems = [...summaryLines, ...checked.formErrors];
    if (problems.length > 0) setError(problems.join(" "));
    return first || checked.formErrors.length > 0 ? null : params;
  }

  async function run(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSummary(null);
    const params = check();
    if (!params) return;
    controller.current = new AbortController();
    setProgress({ fraction: 0, message: "Starting" });
    try {
      const events = await openNdjson(`/api/pipelines/${info.name}`, {
        body: params,
        signal: controller.current.signal,
      });
      for await (const message of events) {
        if (message.type === "progress") setProgress({ fraction: message.fraction ?? 0, message: message.message });
        else if (message.type === "error") throw new Error(message.error.message);
        else if (message.type === "result") {
          setSummary(message.summary as Summary);
          break;
        }
      }
    } catch (caught) {
      setError((caught as Error).name === "AbortError" ? "Cancelled." : (caught as Error).message);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  }

  const inputs = (group: LabField["group"]) =>
    fields
      .filter((field) => field.group === group)
      .map((field) => (
        <LabFieldInput
          key={field.path}
          id={id}
          field={field}
          value={values[field.path] ?? ""}
          error={fieldErrors[field.path]}
          onChange={(value) => setValues((current) => ({ ...current, [field.path]: value }))}
        />
      ));
  const advanced = inputs("advanced");
  const claims = inputs("claim");

  return (
    <section
      className="min-w-0 space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      data-testid={`lab-${info.name}`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {info.title}
      </h2>
      <p className="text-sm text-muted">{info.description}</p>
      <form ref={formRef} onSubmit={run} noValidate className="space-y-4">
        <div className={GRID}>{inputs("main")}</div>
        {claims.length > 0 && (
          <fieldset className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
            <legend className="px-1 text-sm font-medium">Figures to check (optional)</legend>
            <div className={GRID}>{claims}</div>
          </fieldset>
        )}
        {advanced.length > 0 && (
          <details className="rounded border border-zinc-200 p-3 dark:border-zinc-800">
            <summary className="cursor-pointer text-sm font-medium">More settings</summary>
            <div className={`${GRID} mt-3`}>{advanced}</div>
          </details>
        )}
        <div className="flex flex-wrap items-center gap-2">
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
          <span className="text-xs text-muted">Numbers take 1,000,000, 1e6, 1M, 10k or 2.5B.</span>
        </div>
      </form>
      {progress && (
        <div
          data-testid="pipeline-progress"
          role="progressbar"
          aria-label={`${info.title}: progress`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.fraction * 100)}
        >
          <div className="h-2 rounded bg-zinc-200 dark:bg-zinc-800">
            <div className="h-2 rounded bg-indigo-600" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
          </div>
          <p className="text-xs text-muted">{progress.message}</p>
        </div>
      )}
      {error && <ErrorNotice message={error} testId="pipeline-error" />}
      {summary && (
        <div className="min-w-0 space-y-3" data-testid="pipeline-result">
          <p className="font-medium">{summary.headline}</p>
          <div className="overflow-x-auto">
            <SummaryTable rows={summary.rows} assumptions={summary.assumptions} />
          </div>
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
