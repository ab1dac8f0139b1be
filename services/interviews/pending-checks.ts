import type { Database } from "@/db/client";
import type { CheckCard, InterviewView } from "@/lib/types";
import { getCheckQueue } from "./interviewer-runtime";

/** Interviewer turns whose pipeline card has not arrived yet. */
export function pendingCheckTurns(view: InterviewView): Array<{ turnId: string; card: CheckCard }> {
  return view.turns.flatMap((turn) =>
    turn.role === "interviewer" && turn.check?.status === "pending" ? [{ turnId: turn.id, card: turn.check }] : [],
  );
}

/**
 * Queues the run of every pending card of an interview that this process is not already
 * running: right after the reply that announced it, and again after a restart left it pending.
 */
export function schedulePendingChecks(database: Database, view: InterviewView): void {
  const queue = getCheckQueue(database);
  for (const { turnId, card } of pendingCheckTurns(view)) {
    if (!card.pendingClaim || queue.isActive(turnId)) continue;
    queue.enqueue({ interviewId: view.id, turnId, claim: card.pendingClaim });
  }
}

/**
 * Waits for the cards of this view's pending checks, handing each over as it arrives (the
 * reply stream stays open for them); gives up on a card after `timeoutMs`.
 */
export async function awaitPendingChecks(
  database: Database,
  view: InterviewView,
  onCard: (turnId: string, card: CheckCard) => void,
  onProgress?: (turnId: string, message: string) => void,
  timeoutMs = 60_000,
): Promise<void> {
  const queue = getCheckQueue(database);
  await Promise.all(
    pendingCheckTurns(view).map(async ({ turnId }) => {
      const card = await queue.waitFor(turnId, (message) => onProgress?.(turnId, message), timeoutMs);
      if (card) onCard(turnId, card);
    }),
  );
}
