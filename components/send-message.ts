import type { CheckCard, InterviewView } from "@/lib/types";
import { openNdjson } from "./read-ndjson";

export interface SendHandlers {
  onToken: (token: string) => void;
  onReset: () => void;
  /** A check card that was pending in the view has finished (or failed). */
  onCheck: (turnId: string, card: CheckCard) => void;
  /** A sentence on how a pending check is getting on ("building the index"). */
  onCheckProgress: (turnId: string, message: string) => void;
  /** The stream closed after the view (normally or not); cards still pending are polled for. */
  onStreamEnd: () => void;
}

/**
 * Sends a candidate message and reads the streamed reply: tokens as they come, a reset when a
 * model reply is replaced by the offline one, then the whole interview view, which resolves the
 * promise so the candidate can type again. The stream may stay open after the view to deliver
 * `check` events for cards that were pending; those are read in the background.
 */
export async function sendMessage(
  interviewId: string,
  message: { id: string; content: string },
  handlers: SendHandlers,
): Promise<InterviewView> {
  const events = await openNdjson(`/api/interviews/${interviewId}/messages`, { body: message });
  for (;;) {
    const { value: event, done } = await events.next();
    if (done) break;
    if (event.type === "token") handlers.onToken(String(event.token));
    else if (event.type === "reset") handlers.onReset();
    else if (event.type === "error") {
      const error = event.error as { message?: string } | undefined;
      throw new Error(error?.message ?? "The interviewer could not answer.");
    } else if (event.type === "view") {
      void readChecks(events, handlers);
      return event.view as InterviewView;
    }
  }
  throw new Error("The connection closed before the interviewer finished; your message was saved. Reload to continue.");
}

async function readChecks(events: AsyncGenerator<Record<string, unknown>>, handlers: SendHandlers): Promise<void> {
  try {
    for await (const event of events) {
      if (event.type === "check" && typeof event.turnId === "string" && event.card) {
        handlers.onCheck(event.turnId, event.card as CheckCard);
      } else if (event.type === "check-progress" && typeof event.turnId === "string") {
        handlers.onCheckProgress(event.turnId, String(event.message));
      }
    }
  } catch {
    // A dropped stream after the view loses nothing: the stored cards are polled for instead.
  } finally {
    handlers.onStreamEnd();
  }
}
