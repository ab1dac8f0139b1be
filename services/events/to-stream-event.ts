import type { Database } from "@/db/client";
import { getMessageById } from "@/db/queries/messages";
import type { InterviewEventKind } from "@/db/schema";
import type { StepId } from "@/lib/framework";
import type { StreamEvent } from "@/lib/streams/stream-event";
import { toTurn } from "@/services/interviews/view";

/**
 * What a stored event says to a browser. A message or a check card is read from `messages`
 * as it stands now (the event row holds only its id); null when it is gone (the interview
 * was deleted meanwhile).
 */
export async function toStreamEvent(
  database: Database,
  interviewId: string,
  row: { kind: InterviewEventKind; data: Record<string, string> },
): Promise<StreamEvent | null> {
  const data = row.data;
  switch (row.kind) {
    case "token":
      return { type: "token", token: data.token ?? "" };
    case "reset":
      return { type: "reset" };
    case "step":
      return { type: "step", step: data.step as StepId };
    case "report":
      return { type: "report" };
    case "check-progress":
      return { type: "check-progress", turnId: data.turnId ?? "", message: data.message ?? "" };
    case "message":
    case "check": {
      const id = data.messageId ?? data.turnId ?? "";
      const message = await getMessageById({ db: database.db, id, interviewId });
      if (!message) return null;
      const turn = toTurn(message);
      if (row.kind === "message") return { type: "message", turn };
      return turn.check ? { type: "check", turnId: turn.id, card: turn.check } : null;
    }
  }
}
