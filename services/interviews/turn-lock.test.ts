import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { AppError } from "@/lib/errors";
import { withTurnLock } from "./turn-lock";

const url = process.env.PROBE_TEST_DATABASE_URL;
if (!url) console.info("turn-lock.test.ts: the Postgres cases are skipped, PROBE_TEST_DATABASE_URL is unset");

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("withTurnLock in one process", () => {
  it("runs one interview's turns one after another, in the order they came", async () => {
    const database = { kind: "pglite" } as Database;
    const id = randomUUID();
    const order: string[] = [];
    const gate = deferred();
    const first = withTurnLock(database, id, async () => {
      await gate.promise;
      order.push("first");
    });
    const second = withTurnLock(database, id, async () => {
      order.push("second");
    });
    gate.resolve();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
  });
});

describe.skipIf(!url)("withTurnLock across two servers' pools on Postgres", () => {
  async function twoServers(): Promise<[Database, Database]> {
    const config = { kind: "postgres" as const, url: url as string };
    return [await openDatabase(config), await openDatabase(config)];
  }

  it("makes a turn through the other pool wait, then run", async () => {
    const [a, b] = await twoServers();
    try {
      const id = randomUUID();
      const order: string[] = [];
      const gate = deferred();
      const entered = deferred();
      const first = withTurnLock(a, id, async () => {
        entered.resolve();
        await gate.promise;
        order.push("a");
      });
      await entered.promise;
      const second = withTurnLock(b, id, async () => {
        order.push("b");
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(order).toEqual([]);
      gate.resolve();
      await Promise.all([first, second]);
      expect(order).toEqual(["a", "b"]);
      // Another interview never waits for this one.
      await withTurnLock(b, randomUUID(), async () => undefined, 1_000);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("gives up after the timeout with a 409 the client may retry, and leaves the lock free", async () => {
    const [a, b] = await twoServers();
    try {
      const id = randomUUID();
      const gate = deferred();
      const entered = deferred();
      const first = withTurnLock(a, id, async () => {
        entered.resolve();
        await gate.promise;
      });
      await entered.promise;
      const busy = await withTurnLock(b, id, async () => "ran", 200).catch((error: unknown) => error);
      expect(busy).toBeInstanceOf(AppError);
      expect(busy).toMatchObject({ code: "conflict:turn_busy", status: 409 });
      gate.resolve();
      await first;
      expect(await withTurnLock(b, id, async () => "ran", 1_000)).toBe("ran");
      // A failing turn releases the lock as well.
      await expect(withTurnLock(a, id, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
      expect(await withTurnLock(b, id, async () => "ran", 1_000)).toBe("ran");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
