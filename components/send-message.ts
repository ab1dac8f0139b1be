import type { InterviewView } from "@/lib/types";

/**
 * Sends a candidate message and reads the streamed reply: tokens as they come, a reset when a
 * model reply is replaced by the offline one, and finally the whole interview view.
 */
export async function sendMessage(
  interviewId: string,
  message: { id: string; content: string },
  handlers: { onToken: (token: string) => void; onReset: () => void },
): Promise<InterviewView> {
  const response = await fetch(`/api/interviews/${interviewId}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(message),
  });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
      if (!line) continue;
      const event = JSON.parse(line);
      if (event.type === "token") handlers.onToken(event.token);
      else if (event.type === "reset") handlers.onReset();
      else if (event.type === "view") return event.view as InterviewView;
      else if (event.type === "error") throw new Error(event.error?.message ?? "The interviewer could not answer.");
    }
  }
  throw new Error("The connection closed before the interviewer finished; your message was saved. Reload to continue.");
}
