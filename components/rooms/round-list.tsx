import Link from "next/link";
import type { RoundSummary } from "@/lib/rooms/types";
import { formatTime } from "./format-time";

/** Every round of the room, newest first, each linking to its transcript and report. */
export function RoundList({ roomId, rounds }: { roomId: string; rounds: RoundSummary[] }) {
  return (
    <section className="space-y-2" aria-labelledby="room-rounds">
      <h2 id="room-rounds" className="text-lg font-semibold">
        Rounds
      </h2>
      {rounds.length === 0 ? (
        <p className="text-sm text-muted">No rounds yet.</p>
      ) : (
        <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {rounds.map((round) => (
            <li key={round.id} data-testid="round-list-item" className="space-y-0.5 px-3 py-2">
              <Link
                href={`/rooms/${roomId}/rounds/${round.id}`}
                className="break-words font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              >
                Round {round.number}: {round.scenarioTitle}
              </Link>
              <p className="break-words text-xs text-muted">
                {round.status === "running" ? "Running" : "Ended"} · candidate {round.candidate.displayName} ·
                interviewer {round.interviewer?.displayName ?? "AI"} · started{" "}
                <time dateTime={round.startedAt}>{formatTime(round.startedAt)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
