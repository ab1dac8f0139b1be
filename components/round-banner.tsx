import Link from "next/link";

/**
 * Shown above an interview that was a study-room round: the round's page holds what the room
 * added (the peers' scores beside the AI's, their comments, your notes).
 */
export function RoundBanner({ href, number, roomTitle }: { href: string; number: number; roomTitle: string }) {
  return (
    <aside
      className="mb-4 rounded-md border border-indigo-200 bg-indigo-50 px-4 py-3 text-sm dark:border-indigo-900 dark:bg-indigo-950"
      aria-label="Study room"
      data-testid="round-banner"
    >
      This interview was round {number} of the study room “{roomTitle}”.{" "}
      <Link href={href} className="font-medium text-indigo-700 underline dark:text-indigo-300">
        See the room’s scores beside the AI’s
      </Link>
    </aside>
  );
}
