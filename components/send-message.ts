import type { InterviewView } from "@/lib/types";
import { postForNdjson } from "./read-ndjson";

/**
 * Sends a candidate message and reads the streamed reply: tokens as they come, a reset when a
 * model reply is replaced by the offline one, and finally the whole interview view.
 */
export async function sendMessage(
  interviewId: string,
  message: { id: string; content: string },
  handlers: { onToken: (token: string) => void; onReset: () => void },
): Promise<InterviewView> {
  const view = await postForNdjson(`/api/interviews/${interviewId}/messages`, { body: message }, (event) => {
    if (event.type === "token") handlers.onToken(String(event.token));
    else if (event.type === "reset") handlers.onReset();
    else if (event.type === "view") return event.view as InterviewView;
    else if (event.type === "error") {
      const error = event.error as { message?: string } | undefined;
      throw new Error(error?.message ?? "The interviewer could not answer.");
    }
    return undefined;
  });
  if (!view)
    throw new Error(
      "The connection closed before the interviewer finished; your message was saved. Reload to continue.",
    );
  return view;
}
