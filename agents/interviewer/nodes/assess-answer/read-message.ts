import type { Understanding } from "@/lib/understanding/types";
import { understandOffline } from "@/lib/understanding/understand-offline";
import type { InterviewerDependencies } from "../../dependencies";

/**
 * Reads a message with the model when one is configured; the offline classifier and parser are
 * the fallback for any failure (one code path for the result, whichever read it).
 */
export async function readMessage(
  deps: InterviewerDependencies,
  message: string,
): Promise<{ understanding: Understanding; modelFailed: boolean }> {
  if (deps.understand) {
    try {
      return { understanding: await deps.understand(message), modelFailed: false };
    } catch {
      return { understanding: understandOffline(message), modelFailed: true };
    }
  }
  return { understanding: understandOffline(message), modelFailed: false };
}
