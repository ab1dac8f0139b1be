"use client";

import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ErrorNotice } from "@/components/error-notice";
import type { RoundNote } from "@/lib/rooms/types";
import { formatTime } from "./format-time";
import { BUTTON, CARD, FIELD } from "./styles";

/** Private notes: only their author reads them; each is tied to the newest message when written. */
export function NotesBox({
  base,
  notes,
  newestMessageId,
  onSaved,
}: {
  base: string;
  notes: RoundNote[];
  newestMessageId: string | null;
  onSaved: (note: RoundNote) => void;
}) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await apiFetch<RoundNote>(`${base}/notes`, { body: { messageId: newestMessageId, body: body.trim() } }));
      setBody("");
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The note was not saved.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="notes-heading" className={`${CARD} min-w-0 space-y-2`}>
      <h2 id="notes-heading" className="font-semibold">
        Private notes
      </h2>
      <form onSubmit={onSubmit} className="space-y-2">
        <label htmlFor="note-input" className="text-xs text-muted">
          Only you can read these; they are kept in your history.
        </label>
        <textarea
          id="note-input"
          data-testid="note-input"
          rows={3}
          maxLength={4000}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          className={FIELD}
        />
        {error && <ErrorNotice message={error} />}
        <button type="submit" data-testid="note-save" disabled={busy || !body.trim()} className={BUTTON}>
          {busy ? "Saving…" : "Save note"}
        </button>
      </form>
      {notes.length > 0 && (
        <ol className="space-y-2" aria-label="Your notes">
          {notes.map((note) => (
            <li key={note.id} data-testid="note-item" className="break-words text-sm">
              <time dateTime={note.createdAt} className="block text-xs text-muted">
                {formatTime(note.createdAt)}
              </time>
              <span className="whitespace-pre-wrap">{note.body}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
