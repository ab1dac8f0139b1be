import { openNdjson } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { CheckCard, InterviewView } from "@/lib/types";

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
    if (event.type === "token") handlers.onToken(event.token);
    else if (event.type === "reset") handlers.onReset();
    else if (event.type === "error") throw new Error(event.error.message);
    else if (event.type === "view") {
      void readChecks(events, handlers);
      return event.view;
    }
  }
  throw new Error("The connection closed before the interviewer finished; your message was saved. Reload to continue.");
}

async function readChecks(events: AsyncGenerator<StreamEvent>, handlers: SendHandlers): Promise<void> {
  try {
    for await (const event of events) {
      if (event.type === "check") handlers.onCheck(event.turnId, event.card);
      else if (event.type === "check-progress") handlers.onCheckProgress(event.turnId, event.message);
    }
  } catch {
    // A dropped stream after the view loses nothing: the stored cards are polled for instead.
  } finally {
    handlers.onStreamEnd();
  }
}
