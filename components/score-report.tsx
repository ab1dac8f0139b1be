import { STEP_TITLES } from "@/lib/framework";
import type { ScoreReport } from "@/lib/scoring/schema";

/** The score report: overall, level signal, and per step the quotes behind the score. */
export function ScoreReportView({
  report,
  rubricTitles,
}: {
  report: ScoreReport;
  rubricTitles: Record<string, string>;
}) {
  const title = (id: string) => rubricTitles[id] ?? id;
  return (
    <section aria-labelledby="report-heading" className="space-y-4" data-testid="score-report">
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id="report-heading" className="text-xl font-semibold">
          Score report
        </h2>
        <p className="text-3xl font-semibold" data-testid="overall-score">
          {report.overall}
          <span className="text-base text-zinc-500">/100</span>
        </p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Reads at <strong data-testid="level-signal">{report.levelSignal.replace("-", " ")}</strong> level against a{" "}
          {report.level} bar
        </p>
      </div>
      <ol className="space-y-3">
        {report.steps.map((step) => (
          <li key={step.step} data-testid={`report-step-${step.step}`}>
            <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
              <summary className="flex cursor-pointer items-center gap-3">
                <span className="w-56 shrink-0 text-sm">{STEP_TITLES[step.step]}</span>
                <span className="h-2 flex-1 rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden="true">
                  <span className="block h-2 rounded bg-indigo-600" style={{ width: `${step.score}%` }} />
                </span>
                <span className="w-12 text-right text-sm tabular-nums" data-testid="step-score">
                  {step.score}
                </span>
              </summary>
              <div className="mt-3 space-y-2 text-sm">
                <p>{step.feedback}</p>
                {step.covered.length > 0 && (
                  <ul className="space-y-1">
                    {step.covered.map((c) => (
                      <li key={c.rubricId}>
                        <a
                          href={`#turn-${c.turn}`}
                          className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
                        >
                          {title(c.rubricId)}
                        </a>
                        {c.credit < 1 && <span className="text-xs text-zinc-500"> (partly)</span>}
                        <blockquote className="border-l-2 border-zinc-300 pl-2 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
                          {c.quote}
                        </blockquote>
                      </li>
                    ))}
                  </ul>
                )}
                {step.missing.length > 0 && (
                  <p className="text-zinc-600 dark:text-zinc-400">
                    <span className="font-medium">Missing:</span> {step.missing.map(title).join("; ")}
                  </p>
                )}
                {step.citations.length > 0 && (
                  <p className="text-xs text-zinc-500">
                    Read: {step.citations.map((c) => `${c.title} (${c.scenarioId ?? "cross-cutting"})`).join("; ")}
                  </p>
                )}
              </div>
            </details>
          </li>
        ))}
      </ol>
      {report.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-zinc-500">
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
