import Link from "next/link";
import type { NoteInHistory } from "@/lib/rooms/types";
import { formatTime } from "./format-time";

/** The viewer's private notes from study rooms, newest first, each linking to its round. */
export function NotesHistory({ notes }: { notes: NoteInHistory[] }) {
  const newestFirst = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="space-y-2" aria-labelledby="room-notes-heading" data-testid="notes-history">
      <h2 id="room-notes-heading" className="text-lg font-semibold">
        Your notes from study rooms
      </h2>
      {newestFirst.length === 0 ? (
        <p className="text-sm text-muted">
          No notes yet. Notes you write during a{" "}
          <Link href="/rooms" className="underline">
            study room
          </Link>{" "}
          round appear here.
        </p>
      ) : (
        <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {newestFirst.map((note) => (
            <li key={note.id} data-testid="history-note" className="min-w-0 space-y-1 px-3 py-2 text-sm">
              <p className="flex flex-wrap gap-x-2 text-xs text-muted">
                <Link
                  href={`/rooms/${note.roomId}/rounds/${note.roundId}`}
                  className="break-words text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
                >
                  {note.roomTitle} · round {note.roundNumber} · {note.scenarioTitle}
                </Link>
                <time dateTime={note.createdAt}>{formatTime(note.createdAt)}</time>
              </p>
              <p className="whitespace-pre-wrap break-words">{note.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
