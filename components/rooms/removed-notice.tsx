import Link from "next/link";

/** What a member the host removed sees instead of the room. */
export function RemovedNotice() {
  return (
    <div
      role="alert"
      data-testid="removed-notice"
      className="space-y-2 rounded-lg border border-amber-300 p-4 dark:border-amber-800"
    >
      <p className="font-medium">You are no longer in this room</p>
      <p className="text-sm">
        The host removed you.{" "}
        <Link href="/rooms" className="underline">
          Back to your study rooms
        </Link>
      </p>
    </div>
  );
}
