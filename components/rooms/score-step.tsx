import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { RubricItemView } from "@/lib/rooms/types";
import type { CandidateSentence } from "./candidate-sentences";
import type { ScoreDraft } from "./score-sheet";

/** A select option's text: long sentences are cut so the list stays readable. */
function short(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

/**
 * One step of the score sheet: each rubric item as a checkbox, and beside it a select of the
 * candidate's sentences to quote (a select works by keyboard and screen reader alike, where
 * selecting text with a pointer would not).
 */
export function ScoreStep({
  step,
  items,
  drafts,
  sentences,
  onChange,
}: {
  step: StepId;
  items: RubricItemView[];
  drafts: Record<string, ScoreDraft>;
  sentences: CandidateSentence[];
  onChange: (rubricId: string, next: Partial<ScoreDraft>) => void;
}) {
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="font-medium">{STEP_TITLES[step]}</legend>
      {items.map((item) => {
        const draft = drafts[item.id];
        const chosen = sentences.find((s) => s.messageId === draft?.quoteMessageId && s.text === draft?.quote);
        const id = `score-${item.id}`;
        return (
          <div key={item.id} className="min-w-0 space-y-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
            <div className="flex items-start gap-2">
              <input
                id={id}
                type="checkbox"
                data-testid="score-item"
                data-rubric-id={item.id}
                checked={draft?.ticked ?? false}
                onChange={(event) => onChange(item.id, { ticked: event.target.checked })}
                className="mt-1"
              />
              <label htmlFor={id} className="min-w-0 flex-1 break-words text-sm">
                {item.title}
                {!item.expected && <span className="text-xs text-muted"> (beyond this level)</span>}
              </label>
            </div>
            <label className="block text-xs">
              <span className="sr-only">Quote for {item.title}: </span>
              <select
                data-testid="score-quote"
                data-rubric-id={item.id}
                value={chosen?.key ?? ""}
                onChange={(event) => {
                  const picked = sentences.find((s) => s.key === event.target.value);
                  onChange(item.id, { quote: picked?.text ?? null, quoteMessageId: picked?.messageId ?? null });
                }}
                className="w-full min-w-0 max-w-full rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
              >
                <option value="">{sentences.length === 0 ? "No answers to quote yet" : "No quote"}</option>
                {sentences.map((s) => (
                  <option key={s.key} value={s.key}>
                    {short(s.text)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
