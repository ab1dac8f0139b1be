import type { Database } from "@/db/client";
import { countMessagesByRole, getMessageById } from "@/db/queries/messages";
import { AppError } from "@/lib/errors";
import type { TurnRole } from "@/lib/types";

/**
 * The most messages one side may send in one interview. A real 45-minute interview has a few
 * dozen candidate messages; 400 is far above that, so only a script or a runaway client meets
 * it. Without a cap one interview could grow the transcript (and every view, export and score of
 * it, which read the whole transcript) without end.
 */
export const MAX_INTERVIEW_MESSAGES = 400;

export function interviewFull(role: TurnRole): AppError {
  return new AppError(
    "conflict:interview_full",
    `This interview has reached its limit of ${MAX_INTERVIEW_MESSAGES.toLocaleString("en")} ${role} messages; start a new one to keep practising.`,
  );
}

/**
 * Refuses one more `role` message once the interview holds MAX_INTERVIEW_MESSAGES of them, before
 * anything is stored or the interviewer runs. A retried send of a message already stored is not
 * one more, so it still goes through (and is stored once). Call it under the interview's turn
 * lock, so two sends at once cannot both take the last place.
 */
export async function refuseBeyondMessageLimit(
  database: Database,
  input: { interviewId: string; messageId: string; role: TurnRole },
): Promise<void> {
  const stored = await countMessagesByRole({ db: database.db, interviewId: input.interviewId, role: input.role });
  if (stored < MAX_INTERVIEW_MESSAGES) return;
  const retry = await getMessageById({ db: database.db, id: input.messageId, interviewId: input.interviewId });
  if (!retry) throw interviewFull(input.role);
}
