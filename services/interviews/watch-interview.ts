import type { Database } from "@/db/client";
import { getInterviewById } from "@/db/queries/interviews";
import { AppError } from "@/lib/errors";
import { getInterviewEventBus, type SequencedEvent } from "@/services/events/interview-event-bus";
import type { Viewer } from "./interview-service";

/** How often an open watch checks that the interview is still there and still the viewer's. */
const ACCESS_RECHECK_MS = 10_000;

async function mayWatch(database: Database, id: string, viewer: Viewer): Promise<boolean> {
  const interview = await getInterviewById({ db: database.db, id });
  return interview !== undefined && interview.userId === viewer.userId;
}

/**
 * Opens a watch on an interview's live events for its owner: checked now (someone else's
 * interview is a 404, like a missing one) and again every few seconds, so a deleted interview's
 * watchers are let go. The events start after `afterSeq` (what the watcher saw last).
 */
export async function openInterviewWatch(
  database: Database,
  input: { interviewId: string; viewer: Viewer; afterSeq: number },
): Promise<(signal: AbortSignal) => AsyncIterable<SequencedEvent>> {
  if (!(await mayWatch(database, input.interviewId, input.viewer))) {
    throw new AppError("not_found:interview", "This interview does not exist.");
  }
  return (signal) => ({
    async *[Symbol.asyncIterator]() {
      const stop = new AbortController();
      const relay = () => stop.abort();
      signal.addEventListener("abort", relay, { once: true });
      const recheck = setInterval(() => {
        mayWatch(database, input.interviewId, input.viewer)
          .then((allowed) => {
            if (!allowed) stop.abort();
          })
          .catch(() => undefined);
      }, ACCESS_RECHECK_MS);
      try {
        yield* getInterviewEventBus(database).watch(input.interviewId, input.afterSeq, stop.signal);
      } finally {
        clearInterval(recheck);
        signal.removeEventListener("abort", relay);
      }
    },
  });
}
