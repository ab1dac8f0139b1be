import type { ScoreReport } from "@/lib/scoring/schema";
import { ReportStep } from "./report-step";

/**
 * A report note for a reader: notes written before they were phrased for one may point at a
 * field of the stored report ("see stepAssignment"), which means nothing on a page.
 */
export function readableNote(note: string): string {
  return note.replace(/\s*\(see [a-z]+[A-Z]\w*\)/g, "");
}

/**
 * The score report: overall, level signal, and every scored step laid open: its feedback, the
 * candidate's quoted sentences behind each credit, what was lost or corrected, and what is missing.
 * A drill's report holds only its one step, and only that step is shown.
 */
export function ScoreReportView({
  report,
  rubricTitles,
}: {
  report: ScoreReport;
  rubricTitles: Record<string, string>;
}) {
  return (
    <section aria-labelledby="report-heading" className="min-w-0 space-y-4" data-testid="score-report">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 id="report-heading" className="text-xl font-semibold">
          Score report
        </h2>
        <p className="text-3xl font-semibold" data-testid="overall-score">
          {report.overall}
          <span className="text-base text-muted">/100</span>
        </p>
        <p className="text-sm text-muted">
          Reads at <strong data-testid="level-signal">{report.levelSignal.replace("-", " ")}</strong> level against a{" "}
          {report.level} bar
        </p>
      </div>
      <ol className="space-y-3">
        {report.steps.map((step) => (
          <ReportStep key={step.step} step={step} rubricTitles={rubricTitles} />
        ))}
      </ol>
      {report.notes.length > 0 && (
        <ul className="list-disc pl-5 text-xs text-muted" aria-label="Notes on the scoring">
          {report.notes.map((note) => (
            <li key={note}>{readableNote(note)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
