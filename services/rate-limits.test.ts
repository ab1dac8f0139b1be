import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { openTestDatabase } from "@/db/testing/test-database";
import { enforceRateLimit, RATE_LIMITS, RateLimitedError } from "./rate-limits";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

/** What a request gets: through, or refused with the seconds to wait. */
async function outcome(userId: string, bucket: keyof typeof RATE_LIMITS, now: Date): Promise<"ok" | number> {
  try {
    await enforceRateLimit(database, { userId, bucket, now });
    return "ok";
  } catch (error) {
    if (error instanceof RateLimitedError) return error.retryAfterSeconds;
    throw error;
  }
}

describe("rate limits", () => {
  it("lets a window's limit through, refuses the next with the seconds left, and opens again in the next window", async () => {
    const user = randomUUID();
    const { limit } = RATE_LIMITS.message; // 60 a minute
    const at = new Date("2026-12-05T10:00:15.000Z");
    for (let i = 0; i < limit; i++) expect(await outcome(user, "message", at)).toBe("ok");
    // 45 s are left in the minute that began at 10:00:00.
    expect(await outcome(user, "message", at)).toBe(45);
    expect(await outcome(user, "message", new Date("2026-12-05T10:00:59.500Z"))).toBe(1);
    expect(await outcome(user, "message", new Date("2026-12-05T10:01:00.000Z"))).toBe("ok");
  });

  it("counts each identity and each kind of work apart", async () => {
    const busy = randomUUID();
    const at = new Date("2026-12-05T11:00:00.000Z");
    for (let i = 0; i < RATE_LIMITS.room.limit; i++) await outcome(busy, "room", at);
    expect(await outcome(busy, "room", at)).toBeTypeOf("number");
    expect(await outcome(randomUUID(), "room", at)).toBe("ok");
    expect(await outcome(busy, "message", at)).toBe("ok");
  });

  it("says what was limited, the limit and when to come back", async () => {
    const user = randomUUID();
    const at = new Date("2026-12-05T12:03:00.000Z");
    for (let i = 0; i < RATE_LIMITS.pipeline.limit; i++) await outcome(user, "pipeline", at);
    const refused = await enforceRateLimit(database, { userId: user, bucket: "pipeline", now: at }).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    // The 10-minute window began at 12:00, so 7 minutes are left.
    expect(refused.message).toBe("Too many pipeline runs: at most 30 every 10 minutes. Try again in 7 minutes.");
  });

  it("scales every limit by RATE_LIMIT_SCALE", async () => {
    const user = randomUUID();
    const at = new Date("2026-12-05T14:00:00.000Z");
    const scaled = async () =>
      enforceRateLimit(database, { userId: user, bucket: "message", now: at, scale: 0.1 }).then(
        () => "ok",
        (error) => (error instanceof RateLimitedError ? "refused" : Promise.reject(error)),
      );
    const results: string[] = [];
    for (let i = 0; i < 7; i++) results.push(await scaled());
    // 60 a minute scaled by 0.1 is 6.
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "ok", "refused"]);
  });

  it("counts requests racing at once exactly: no more than the limit get through", async () => {
    const user = randomUUID();
    const at = new Date("2026-12-05T13:00:00.000Z");
    const results = await Promise.all(
      Array.from({ length: RATE_LIMITS.message.limit + 25 }, () => outcome(user, "message", at)),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(RATE_LIMITS.message.limit);
  });
});
