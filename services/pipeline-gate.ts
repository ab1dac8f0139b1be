import { availableParallelism } from "node:os";
import type { Database } from "@/db/client";
import { countLiveRunsOfUser } from "@/db/queries/pipeline-runs";
import { AppError } from "@/lib/errors";
import { cancelledRunError } from "@/lib/pipelines/worker-client";
import { orphanRule } from "./pipeline-runs";
import { enforceRateLimit, RateLimitedError } from "./rate-limits";

/**
 * Lab pipeline runs are the heaviest work a request can start (seconds of CPU on a worker
 * thread). So that one person cannot starve everyone's interview turns: each identity has at
 * most one run going (counted in the database, across servers) and a rate limit; and each server
 * runs at most LAB_RUN_SLOTS at once, one core fewer than it has, the others waiting in line.
 */
export const LAB_RUN_SLOTS = Math.max(1, availableParallelism() - 1);
/** Runs waiting beyond this are refused: a queue that only grows helps nobody. */
export const LAB_QUEUE_LIMIT = 8;

/** The 429 of a second run while one of the person's is going (waiting in line counts). */
export function labRunBusyError(): RateLimitedError {
  return new RateLimitedError(
    "You already have a pipeline running: wait for it to finish, or cancel it.",
    10,
    "pipeline",
  );
}

/**
 * Checks that `userId` may start a run now: within the rate limit, and with no other run going.
 * This is the quick refusal before anything streams; the run's record, made before it waits for
 * a slot (recordPipelineRun with onePerUser), is the atomic check that two requests at once
 * cannot both pass.
 */
export async function admitLabRun(database: Database, userId: string): Promise<void> {
  await enforceRateLimit(database, { userId, bucket: "pipeline" });
  const running = await countLiveRunsOfUser({
    db: database.db,
    userId,
    since: new Date(Date.now() - orphanRule().staleAfterMs),
  });
  if (running > 0) throw labRunBusyError();
}

interface Waiter {
  start: () => void;
  onAhead: (ahead: number) => void;
}

let active = 0;
const line: Waiter[] = [];

function tellPlaces(): void {
  line.forEach((waiter, index) => {
    waiter.onAhead(index + 1);
  });
}

function release(): void {
  active--;
  const next = line.shift();
  if (next) {
    active++;
    next.start();
    tellPlaces();
  }
}

/**
 * Runs `run` in one of this server's Lab slots, waiting in line (in order) for one when all are
 * busy; `onWaiting` hears how many runs are ahead. Aborting `signal` leaves the line. A line
 * already LAB_QUEUE_LIMIT long refuses with a 503 and a sentence.
 */
export async function withLabRunSlot<T>(
  run: () => Promise<T>,
  options: { signal?: AbortSignal; onWaiting?: (ahead: number) => void; slots?: number } = {},
): Promise<T> {
  const slots = options.slots ?? LAB_RUN_SLOTS;
  if (active >= slots) {
    if (line.length >= LAB_QUEUE_LIMIT) {
      throw new AppError("unavailable:pipeline_busy", "The Lab is busy with other runs; try again in a minute.", 60);
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { start: resolve, onAhead: (ahead) => options.onWaiting?.(ahead) };
      line.push(waiter);
      waiter.onAhead(line.length);
      options.signal?.addEventListener(
        "abort",
        () => {
          const index = line.indexOf(waiter);
          if (index < 0) return;
          line.splice(index, 1);
          tellPlaces();
          reject(cancelledRunError());
        },
        { once: true },
      );
    });
  } else {
    active++;
  }
  try {
    return await run();
  } finally {
    release();
  }
}
