"use client";

import { nextStep, STEP_TITLES, type StepId } from "@/lib/framework";
import type { InterviewerPanel as Panel } from "@/lib/rooms/types";
import { CARD, PRIMARY_BUTTON } from "./styles";

const KIND_LABELS: Record<Panel["suggestions"][number]["kind"], string> = {
  number: "Numbers",
  tradeoff: "Trade-off",
  failure: "Failure",
  pushback: "Push back",
  depth: "Depth",
};

/**
 * What only a member interviewer sees: questions to ask next (each sendable as is), the facts
 * they may reveal, the rubric of the room's level, and the AI's live reading of the answers.
 */
export function InterviewerPanel({
  panel,
  currentStep,
  busy,
  onSend,
  onNextStep,
}: {
  panel: Panel;
  currentStep: StepId;
  busy: boolean;
  onSend: (text: string) => void;
  onNextStep: (step: StepId) => void;
}) {
  const next = nextStep(currentStep);
  const titles = new Map(panel.rubric.flatMap((step) => step.items.map((item) => [item.id, item.title] as const)));
  return (
    <section data-testid="interviewer-panel" aria-labelledby="panel-heading" className={`${CARD} min-w-0 space-y-4`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="panel-heading" className="text-lg font-semibold">
          Interviewer's panel
        </h2>
        <button
          type="button"
          data-testid="next-step"
          disabled={busy || next === null}
          onClick={() => next && onNextStep(next)}
          className={PRIMARY_BUTTON}
        >
          {next ? `Next step: ${STEP_TITLES[next]}` : "Last step"}
        </button>
      </div>
      <div className="space-y-2">
        <h3 className="font-medium">Ask next ({STEP_TITLES[currentStep]})</h3>
        {panel.suggestions.length === 0 ? (
          <p className="text-sm text-muted">No suggestions for this step yet.</p>
        ) : (
          <ul className="space-y-2">
            {panel.suggestions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-start gap-2 text-sm" data-testid="suggestion">
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
                  {KIND_LABELS[s.kind]}
                </span>
                <span className="min-w-0 flex-1 break-words">{s.text}</span>
                <button
                  type="button"
                  data-testid="suggestion-send"
                  disabled={busy}
                  aria-label={`Send: ${s.text}`}
                  onClick={() => onSend(s.text)}
                  className="rounded-md border border-zinc-300 px-2 py-1 text-xs disabled:opacity-50 dark:border-zinc-700"
                >
                  Send
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-2">
        <h3 className="font-medium">The AI's reading so far</h3>
        <ul className="space-y-1 text-sm">
          {panel.coverage.map((c) => (
            <li key={c.step} data-testid="panel-coverage">
              <span className="flex items-center gap-2">
                <span className="flex-1">{STEP_TITLES[c.step]}</span>
                <span className="tabular-nums">{Math.round(c.score)}/100</span>
              </span>
              {c.items.length > 0 && (
                <ul className="ml-3 text-xs text-muted">
                  {c.items.map((item) => (
                    <li key={item.rubricId} className="break-words">
                      {titles.get(item.rubricId) ?? item.rubricId}: {Math.round(item.credit * 100)}%
                      {item.quote && ` · “${item.quote}”`}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
      <details>
        <summary className="cursor-pointer font-medium">Facts you may reveal ({panel.facts.length})</summary>
        <dl className="mt-2 space-y-1 text-sm">
          {panel.facts.map((fact) => (
            <div key={`${fact.topic}:${fact.text}`}>
              <dt className="font-medium">{fact.topic}</dt>
              <dd className="break-words">{fact.text}</dd>
            </div>
          ))}
        </dl>
      </details>
      <details>
        <summary className="cursor-pointer font-medium">Rubric at this level</summary>
        {panel.rubric.map((step) => (
          <div key={step.step} className="mt-2 text-sm">
            <h4 className="font-medium">{STEP_TITLES[step.step]}</h4>
            <ul className="ml-4 list-disc">
              {step.items.map((item) => (
                <li key={item.id} className="break-words">
                  {item.title}
                  <span className="text-xs text-muted">
                    {" "}
                    · weight {item.weight}
                    {item.expected ? "" : ` · from ${item.level} up`}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </section>
  );
}
