"use client";

import type { FormEvent, KeyboardEvent, Ref } from "react";
import { EndInterviewButton } from "./end-interview-button";

const BUTTON = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700";

/** The sticky answer box with Send, Hint, Next step and a confirmed End interview. */
export function ChatComposer({
  draft,
  onDraft,
  busy,
  onSend,
  formRef,
}: {
  draft: string;
  onDraft: (draft: string) => void;
  busy: boolean;
  onSend: (content: string) => void;
  formRef: Ref<HTMLFormElement>;
}) {
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSend(draft);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onSend(draft);
    }
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      data-testid="composer-form"
      className="sticky bottom-0 flex flex-col gap-2 border-t border-zinc-200 bg-white pt-2 pb-2 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <label htmlFor="composer" className="sr-only">
        Your answer
      </label>
      <textarea
        id="composer"
        data-testid="composer"
        value={draft}
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={onKeyDown}
        // Three lines, not more: on a phone every line of the transcript counts.
        rows={3}
        placeholder="Answer, ask for a fact, or type “hint” or “next”. Enter sends, Shift+Enter adds a line."
        className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          data-testid="send"
          disabled={!draft.trim() || busy}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {busy ? "Sending…" : "Send"}
        </button>
        <button type="button" data-testid="hint" disabled={busy} onClick={() => onSend("hint")} className={BUTTON}>
          Hint
        </button>
        <button type="button" data-testid="next-step" disabled={busy} onClick={() => onSend("next")} className={BUTTON}>
          Next step
        </button>
        <span className="ml-auto">
          <EndInterviewButton disabled={busy} onEnd={() => onSend("end interview")} />
        </span>
      </div>
    </form>
  );
}
