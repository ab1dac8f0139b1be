import type { ReactNode } from "react";
import { STEP_TITLES } from "@/lib/framework";
import type { StepReport } from "@/lib/scoring/schema";
import { CitationList } from "./citation-list";

interface CreditedItem {
  rubricId: string;
  quote: string;
  turn: number;
  /** 1 for full credit; less is shown as "partly". */
  credit: number;
  /** Why the credit is partial (a near miss), when the scorer says. */
  note?: string;
  /** "diagram" when a label of the candidate's diagram earned it. */
  source?: "diagram";
}

interface RecoveredItem {
  rubricId: string;
  mistake: string;
  afterPushback?: boolean;
}

/** A step as stored: reports written before corrected mistakes were recorded have no `recovered`. */
export type StoredStepReport = Omit<StepReport, "covered" | "recovered"> & {
  covered: CreditedItem[];
  recovered?: RecoveredItem[];
};

const QUOTE = "border-l-2 border-zinc-300 pl-2 text-muted wrap-anywhere dark:border-zinc-700";

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">{title}</h4>
      {children}
    </div>
  );
}

/** One scored step, everything open: score, feedback, credited quotes, lost and corrected items, what is missing. */
export function ReportStep({ step, rubricTitles }: { step: StoredStepReport; rubricTitles: Record<string, string> }) {
  // A report may name an item the rubric has since dropped; its id is no name for a reader.
  const title = (id: string) => rubricTitles[id] ?? "An item no longer in the rubric";
  const recovered = step.recovered ?? [];
  return (
    <li
      data-testid={`report-step-${step.step}`}
      className="min-w-0 space-y-3 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      <div className="space-y-1">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h3 className="text-base font-medium">{STEP_TITLES[step.step]}</h3>
          <p className="tabular-nums">
            <span className="sr-only">Score: </span>
            <span className="font-semibold" data-testid="step-score">
              {step.score}
            </span>
            <span className="text-muted">/100</span>
          </p>
        </div>
        <div className="h-2 rounded bg-zinc-200 dark:bg-zinc-800" aria-hidden="true">
          <div className="h-2 rounded bg-indigo-600 dark:bg-indigo-400" style={{ width: `${step.score}%` }} />
        </div>
      </div>
      <p data-testid="step-feedback">{step.feedback}</p>
      {step.covered.length > 0 && (
        <Part title="Credited, in your words">
          <ul className="space-y-2" data-testid="step-credited">
            {step.covered.map((c) => (
              <li key={c.rubricId} data-testid="credited-item">
                <a
                  // A diagram label has no turn: it links to the drawing on the page.
                  href={c.source === "diagram" ? "#diagram" : `#turn-${c.turn}`}
                  className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
                >
                  {title(c.rubricId)}
                </a>
                {c.credit < 1 && (
                  <span
                    className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
                    data-testid="partial-credit"
                  >
                    partly
                  </span>
                )}
                {c.note && (
                  <p className="text-xs text-muted" data-testid="credit-note">
                    {c.note}
                  </p>
                )}
                <blockquote className={`mt-1 ${QUOTE}`}>“{c.quote}”</blockquote>
              </li>
            ))}
          </ul>
        </Part>
      )}
      {step.lost.length > 0 && (
        <Part title="Lost to a common mistake">
          <ul className="space-y-2" data-testid="step-lost">
            {step.lost.map((l) => (
              <li key={l.rubricId}>
                <span className="font-medium">{title(l.rubricId)}</span>: {l.mistake}
                <blockquote className={`mt-1 ${QUOTE}`}>“{l.quote}”</blockquote>
              </li>
            ))}
          </ul>
        </Part>
      )}
      {recovered.length > 0 && (
        <Part title="Corrected later, no cost">
          <ul className="space-y-1" data-testid="step-recovered">
            {recovered.map((r) => (
              <li key={r.rubricId}>
                <span className="font-medium">{title(r.rubricId)}</span>: {r.mistake}{" "}
                <span className="text-muted">
                  ({r.afterPushback ? "recovered after pushback" : "recovered on your own"})
                </span>
              </li>
            ))}
          </ul>
        </Part>
      )}
      {step.missing.length > 0 && (
        <Part title="Missing">
          <ul className="list-disc space-y-0.5 pl-5" data-testid="step-missing">
            {step.missing.map((id) => (
              <li key={id}>{title(id)}</li>
            ))}
          </ul>
        </Part>
      )}
      {step.citations.length > 0 && (
        <Part title="Read next">
          <CitationList citations={step.citations} />
        </Part>
      )}
    </li>
  );
}
