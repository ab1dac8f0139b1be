"use client";

import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ErrorNotice } from "@/components/error-notice";
import type { StepId } from "@/lib/framework";
import type { PeerScoreItem, RoundView } from "@/lib/rooms/types";
import { candidateSentences } from "./candidate-sentences";
import { ScoreStep } from "./score-step";
import { CARD, PRIMARY_BUTTON } from "./styles";

/** What the sheet holds for one item before it is saved. */
export interface ScoreDraft {
  ticked: boolean;
  quote: string | null;
  quoteMessageId: string | null;
}

function draftsOf(scores: PeerScoreItem[]): Record<string, ScoreDraft> {
  return Object.fromEntries(
    scores.map((s) => [s.rubricId, { ticked: s.ticked, quote: s.quote, quoteMessageId: s.quoteMessageId }]),
  );
}

const EMPTY: ScoreDraft = { ticked: false, quote: null, quoteMessageId: null };

/**
 * The peer score sheet (observers and a member interviewer): tick each rubric item the candidate
 * covered, with the sentence that shows it. Only the viewer reads their ticks until the round
 * ends. Save sends each step that changed, one PUT per step.
 */
export function ScoreSheet({
  view,
  base,
  onSaved,
}: {
  view: RoundView;
  base: string;
  onSaved: (scores: PeerScoreItem[]) => void;
}) {
  const [drafts, setDrafts] = useState(() => draftsOf(view.myScores));
  const [dirty, setDirty] = useState<StepId[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const sentences = candidateSentences(view.interview.turns);

  function change(step: StepId, rubricId: string, next: Partial<ScoreDraft>) {
    setDrafts((current) => ({ ...current, [rubricId]: { ...(current[rubricId] ?? EMPTY), ...next } }));
    setDirty((current) => (current.includes(step) ? current : [...current, step]));
    setStatus("");
  }

  async function save() {
    setBusy(true);
    setError(null);
    try {
      let saved: PeerScoreItem[] | null = null;
      for (const step of dirty) {
        const items = (view.rubric.find((r) => r.step === step)?.items ?? []).map((item) => ({
          rubricId: item.id,
          ...(drafts[item.id] ?? EMPTY),
        }));
        saved = (
          await apiFetch<{ myScores: PeerScoreItem[] }>(`${base}/scores`, { method: "PUT", body: { step, items } })
        ).myScores;
      }
      if (saved) onSaved(saved);
      setDirty([]);
      setStatus("Scores saved.");
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The scores were not saved.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="score-sheet-heading" data-testid="score-sheet" className={`${CARD} min-w-0 space-y-4`}>
      <div className="space-y-1">
        <h2 id="score-sheet-heading" className="text-lg font-semibold">
          Your score sheet
        </h2>
        <p className="text-xs text-muted">
          Tick what {view.candidate.displayName} covered and pick the sentence that shows it. No one else sees your
          ticks until the round ends; then they sit beside the AI's.
        </p>
      </div>
      {view.rubric.map((step) => (
        <ScoreStep
          key={step.step}
          step={step.step}
          items={step.items}
          drafts={drafts}
          sentences={sentences}
          onChange={(rubricId, next) => change(step.step, rubricId, next)}
        />
      ))}
      {error && <ErrorNotice message={error} />}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          data-testid="score-save"
          disabled={busy || dirty.length === 0}
          onClick={() => void save()}
          className={PRIMARY_BUTTON}
        >
          {busy ? "Saving…" : "Save scores"}
        </button>
        <span className="text-xs text-muted" aria-live="polite">
          {dirty.length > 0 ? "Unsaved changes." : status}
        </span>
      </div>
    </section>
  );
}
