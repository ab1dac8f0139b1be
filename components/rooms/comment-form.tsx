"use client";

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import type { RoundComment } from "@/lib/rooms/types";
import { BUTTON, FIELD, PRIMARY_BUTTON } from "./styles";

/** "Comment" on one message: opens a small form; focus goes to it, and back to the button after. */
export function CommentForm({
  base,
  messageId,
  speaker,
  onSaved,
}: {
  base: string;
  messageId: string;
  speaker: string;
  onSaved: (comment: RoundComment) => void;
}) {
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // Focus follows the form: into it when it opens, back to "Comment" when it closes.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function close() {
    setOpen(false);
    setError(null);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await apiFetch<RoundComment>(`${base}/comments`, { body: { messageId, body: body.trim() } }));
      setBody("");
      close();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The comment was not saved.");
    } finally {
      setBusy(false);
    }
  }

  if (!open)
    return (
      <button
        ref={opener}
        type="button"
        data-testid="comment-open"
        aria-label={`Comment on ${speaker}'s message`}
        onClick={() => setOpen(true)}
        className="text-xs text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
      >
        Comment
      </button>
    );
  return (
    <form onSubmit={onSubmit} className="w-full max-w-[85%] space-y-1">
      <label htmlFor={`${id}-comment`} className="text-xs">
        Your comment on {speaker}'s message
      </label>
      <textarea
        ref={input}
        id={`${id}-comment`}
        data-testid="comment-input"
        rows={2}
        maxLength={2000}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && close()}
        className={FIELD}
      />
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" data-testid="comment-save" disabled={busy || !body.trim()} className={PRIMARY_BUTTON}>
          Save comment
        </button>
        <button type="button" onClick={close} className={BUTTON}>
          Cancel
        </button>
      </div>
    </form>
  );
}
