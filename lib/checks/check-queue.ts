import { EventEmitter } from "node:events";
import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { CheckCard } from "@/lib/types";

/** A pipeline check that runs after the reply that announced it. */
export interface CheckJob {
  interviewId: string;
  /** The interviewer turn whose card this run completes. */
  turnId: string;
  claim: QuantitativeClaim;
}

export interface CheckQueueOptions {
  /** Runs at once; each takes a core, so a 2-core server runs one and keeps one for requests. */
  concurrency: number;
  /** Jobs waiting beyond the running ones; past this a check is refused at once with a failed card. */
  maxQueued: number;
  run(claim: QuantitativeClaim, onProgress: (message: string) => void): Promise<CheckCard>;
  /** Stores the finished (or failed) card on its message, so a reload shows it. */
  store(job: CheckJob, card: CheckCard): Promise<void>;
  onError?(error: unknown, job: CheckJob): void;
}

export type EnqueueResult = "queued" | "duplicate" | "full";

/** The card stored when a run fails or cannot start: it says so, in one sentence. */
export function failedCard(job: CheckJob, headline: string): CheckCard {
  return {
    pipeline: job.claim.pipeline,
    title: job.claim.pipeline,
    claim: job.claim.quote,
    status: "failed",
    headline,
    rows: [],
    chart: null,
    assumptions: [],
  };
}

/**
 * A bounded in-process queue of pipeline checks. Replies never wait on it: the reply is stored
 * with a pending card, the run happens here, and listeners (the open reply stream, a CLI) hear
 * the finished card. A job already queued or running is not queued twice.
 */
export function createCheckQueue(options: CheckQueueOptions) {
  const waiting: CheckJob[] = [];
  const known = new Set<string>();
  // Finished cards stay a minute, so a listener that arrives just after the run still hears it.
  const recent = new Map<string, CheckCard>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let running = 0;

  async function finish(job: CheckJob, card: CheckCard) {
    try {
      await options.store(job, card);
    } catch (error) {
      options.onError?.(error, job);
    }
    known.delete(job.turnId);
    recent.set(job.turnId, card);
    setTimeout(() => recent.delete(job.turnId), 60_000).unref?.();
    events.emit(`done:${job.turnId}`, card);
  }

  function pump() {
    while (running < options.concurrency && waiting.length > 0) {
      const job = waiting.shift() as CheckJob;
      running++;
      options
        .run(job.claim, (message) => events.emit(`progress:${job.turnId}`, message))
        .then(
          (card) => finish(job, { ...card, claim: job.claim.quote, status: "done", verdict: "measured" }),
          (error) => {
            options.onError?.(error, job);
            return finish(job, failedCard(job, "The reference run did not finish, so this figure stays unchecked."));
          },
        )
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  return {
    enqueue(job: CheckJob): EnqueueResult {
      if (known.has(job.turnId)) return "duplicate";
      if (waiting.length >= options.maxQueued) {
        known.add(job.turnId);
        void finish(job, failedCard(job, "Too many checks are running right now, so this figure stays unchecked."));
        return "full";
      }
      known.add(job.turnId);
      waiting.push(job);
      pump();
      return "queued";
    },
    /** True while the job is queued or running in this process. */
    isActive(turnId: string): boolean {
      return known.has(turnId);
    },
    /** The finished card, or null when it does not arrive within `timeoutMs`. */
    waitFor(turnId: string, onProgress?: (message: string) => void, timeoutMs = 60_000): Promise<CheckCard | null> {
      const finished = recent.get(turnId);
      if (finished) return Promise.resolve(finished);
      return new Promise((resolve) => {
        const progress = (message: string) => onProgress?.(message);
        const done = (card: CheckCard) => {
          clearTimeout(timer);
          events.off(`progress:${turnId}`, progress);
          resolve(card);
        };
        const timer = setTimeout(() => {
          events.off(`done:${turnId}`, done);
          events.off(`progress:${turnId}`, progress);
          resolve(null);
        }, timeoutMs);
        timer.unref?.();
        events.once(`done:${turnId}`, done);
        events.on(`progress:${turnId}`, progress);
      });
    },
    /** Jobs waiting and running, for tests and benchmarks. */
    size(): { waiting: number; running: number } {
      return { waiting: waiting.length, running };
    },
  };
}

export type CheckQueue = ReturnType<typeof createCheckQueue>;
