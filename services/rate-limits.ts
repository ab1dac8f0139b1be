import type { Database } from "@/db/client";
import { countRequestInWindow, deleteWindowsBefore } from "@/db/queries/rate-limits";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getCurrentUserId } from "./current-user";
import { getDatabase } from "./database";

/**
 * Per-identity limits on the work that costs the most: a model call, an import or a score (the
 * transcript scorer), a pipeline run, opening interviews and rooms. Generous for a person
 * typing, strict for a script: the review behind them saw 730 costly requests from one identity
 * in 30 seconds. Counted in fixed windows in the database, so they hold across servers; a
 * window's edge can let through up to twice a limit in a short burst, which is accepted.
 * RATE_LIMIT_SCALE multiplies them all (many people behind one address; benchmarks that play
 * hundreds of candidates through a few identities).
 */
export const RATE_LIMITS = {
  /** Messages to an interview or a study-room round: each may call the model. */
  message: { limit: 60, windowSeconds: 60, what: "messages" },
  /** New interviews (each opens with an interviewer turn) and study-room rounds. */
  interview: { limit: 30, windowSeconds: 600, what: "new interviews" },
  /** Transcripts scored or imported. */
  score: { limit: 30, windowSeconds: 600, what: "scored transcripts" },
  /** Reference pipeline runs from the Lab. */
  pipeline: { limit: 30, windowSeconds: 600, what: "pipeline runs" },
  /** Study rooms opened. */
  room: { limit: 20, windowSeconds: 3600, what: "new rooms" },
  /** Diagram saves: the canvas saves at most about once a second while drawing, so two a second is ample. */
  diagram: { limit: 120, windowSeconds: 60, what: "diagram saves" },
} as const;
export type RateLimitBucket = keyof typeof RATE_LIMITS;

/** A request over its limit: the HTTP layer answers 429 with Retry-After. */
export class RateLimitedError extends AppError {
  declare readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number, bucket = "requests") {
    super(`too_many_requests:${bucket}`, message, retryAfterSeconds);
    this.name = "RateLimitedError";
  }
}

/** Windows are forgotten this long after they end; only the current one is ever read. */
const KEEP_MS = 2 * 3600_000;
let lastSweep = 0;

function duration(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const m = Math.round(seconds / 60);
  return m === 1 ? "1 minute" : `${m} minutes`;
}

/** "a minute", "an hour", "every 10 minutes". */
function per(seconds: number): string {
  if (seconds === 60) return "a minute";
  if (seconds === 3600) return "an hour";
  return `every ${duration(seconds)}`;
}

/**
 * Counts a request of `userId` towards `bucket`; throws RateLimitedError (with the seconds until
 * the window ends) when it goes over. Counting fails open: if the database cannot count, the
 * request goes ahead (logged), since refusing people their interview over a counter is worse.
 */
export async function enforceRateLimit(
  database: Database,
  input: { userId: string; bucket: RateLimitBucket; now?: Date; scale?: number },
): Promise<void> {
  const { windowSeconds, what } = RATE_LIMITS[input.bucket];
  const limit = Math.max(1, Math.round(RATE_LIMITS[input.bucket].limit * (input.scale ?? getConfig().rateLimitScale)));
  const now = input.now ?? new Date();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  let count: number;
  try {
    count = await countRequestInWindow({ db: database.db, userId: input.userId, bucket: input.bucket, windowStart });
  } catch (error) {
    logger.warn(`could not count a ${input.bucket} request: ${(error as Error).message}`);
    return;
  }
  if (now.getTime() - lastSweep > KEEP_MS / 2) {
    lastSweep = now.getTime();
    void deleteWindowsBefore({ db: database.db, before: new Date(now.getTime() - KEEP_MS) }).catch(() => undefined);
  }
  if (count <= limit) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  throw new RateLimitedError(
    `Too many ${what}: at most ${limit} ${per(windowSeconds)}. Try again in ${duration(retryAfterSeconds)}.`,
    retryAfterSeconds,
    input.bucket,
  );
}

/** For route handlers: counts this request of the current browser identity towards `bucket`. */
export async function limitCurrentUser(bucket: RateLimitBucket): Promise<void> {
  await enforceRateLimit(await getDatabase(), { userId: await getCurrentUserId(), bucket });
}
