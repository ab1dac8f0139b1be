import type { Database } from "@/db/client";
import {
  appendInterviewEvent,
  deleteStreamedWordsBefore,
  getLatestInterviewEventSeq,
  INTERVIEW_EVENTS_CHANNEL,
  listInterviewEventsAfter,
} from "@/db/queries/interview-events";
import type { InterviewEventKind } from "@/db/schema";
import { logger } from "@/lib/logger";
import { createSequencedEventBus, type SequencedEventBus } from "./sequenced-event-bus";
import { toStreamEvent } from "./to-stream-event";

export type { SequencedEvent } from "./sequenced-event-bus";

/**
 * An interview's live events across servers (see SequencedEventBus): the candidate's and the
 * interviewer's stored messages, the reply's words, steps, check cards and the report.
 */
export interface InterviewEventBus extends SequencedEventBus<InterviewEventKind> {
  /** Drops the reply's streamed words before `seq` (the stored reply's event), which says all they said. */
  forgetWordsBefore(interviewId: string, seq: number): Promise<void>;
}

export function createInterviewEventBus(
  database: Database,
  options: { safetyPollMs?: number } = {},
): InterviewEventBus {
  const bus = createSequencedEventBus<InterviewEventKind>(
    database,
    {
      channel: INTERVIEW_EVENTS_CHANNEL,
      append: (interviewId, kind, data) => appendInterviewEvent({ db: database.db, interviewId, kind, data }),
      listAfter: (interviewId, afterSeq, limit) =>
        listInterviewEventsAfter({ db: database.db, interviewId, afterSeq, limit }),
      latest: (interviewId) => getLatestInterviewEventSeq({ db: database.db, interviewId }),
      convert: (interviewId, row) => toStreamEvent(database, interviewId, row),
    },
    options,
  );
  return {
    ...bus,
    async forgetWordsBefore(interviewId, seq) {
      try {
        await deleteStreamedWordsBefore({ db: database.db, interviewId, beforeSeq: seq });
      } catch (error) {
        logger.warn(`could not drop streamed words of ${interviewId}: ${(error as Error).message}`);
      }
    },
  };
}

const buses = new WeakMap<Database, InterviewEventBus>();

/** The process's interview event bus for this database, built once. */
export function getInterviewEventBus(database: Database): InterviewEventBus {
  let bus = buses.get(database);
  if (!bus) {
    bus = createInterviewEventBus(database);
    buses.set(database, bus);
  }
  return bus;
}
