"use client";

import { type FormEvent, type KeyboardEvent, useState } from "react";
import { PRIMARY_BUTTON } from "./styles";

/**
 * The message box of the candidate (their answers) or of a member interviewer (their questions).
 * Enter sends, Shift+Enter adds a line. A draft whose sending failed (`onSend` answers false) comes back.
 */
export function RoundComposer({
  label,
  busy,
  onSend,
}: {
  label: string;
  busy: boolean;
  onSend: (content: string) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState("");

  async function send() {
    const text = draft.trim();
    if (!text || busy) return;
    setDraft("");
    if (!(await onSend(text))) setDraft(text);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      className="sticky bottom-0 flex flex-col gap-2 border-t border-zinc-200 bg-white py-2 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <label htmlFor="round-composer" className="sr-only">
        {label}
      </label>
      <textarea
        id="round-composer"
        data-testid="round-composer"
        rows={3}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={`${label}. Enter sends, Shift+Enter adds a line.`}
        className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <div>
        <button type="submit" data-testid="round-send" disabled={busy || !draft.trim()} className={PRIMARY_BUTTON}>
          {busy ? "Sending…" : "Send"}
        </button>
      </div>
    </form>
  );
}
