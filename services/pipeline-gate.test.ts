import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { finishRun, startRun } from "@/db/queries/pipeline-runs";
import { ensureUser } from "@/db/queries/users";
import { openTestDatabase } from "@/db/testing/test-database";
import { PipelineRunError } from "@/lib/pipelines/worker-client";
import { admitLabRun, LAB_QUEUE_LIMIT, withLabRunSlot } from "./pipeline-gate";
import { recordPipelineRun, UserRunBusyError } from "./pipeline-runs";
import { RateLimitedError } from "./rate-limits";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

/** A run that finishes when told to, recording when it started. */
function gatedRun(log: string[], name: string) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("the Lab's run gate", () => {
  it("runs one at a time per slot, in order, telling each waiting run its place", async () => {
    const log: string[] = [];
    const runs = ["a", "b", "c"].map((name) => gatedRun(log, name));
    const places: Record<string, number[]> = { b: [], c: [] };
    const results = runs.map(({ run }, i) =>
      withLabRunSlot(run, {
        slots: 1,
        onWaiting: (ahead) => places[["a", "b", "c"][i] as string]?.push(ahead),
      }),
    );
    await tick();
    expect(log).toEqual(["start a"]);
    runs[0]?.finish();
    await tick();
    expect(log).toEqual(["start a", "end a", "start b"]);
    runs[1]?.finish();
    runs[2]?.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c"]);
    expect(places).toEqual({ b: [1], c: [2, 1] });
  });

  it("lets a waiting run leave the line when its request is closed, and refuses a line that is full", async () => {
    const log: string[] = [];
    const first = gatedRun(log, "first");
    const running = withLabRunSlot(first.run, { slots: 1 });
    const leaving = new AbortController();
    const left = withLabRunSlot(gatedRun(log, "left").run, { slots: 1, signal: leaving.signal });
    const waiting = Array.from({ length: LAB_QUEUE_LIMIT - 1 }, (_, i) => gatedRun(log, `w${i}`));
    const queued = waiting.map(({ run }) => withLabRunSlot(run, { slots: 1 }));
    await expect(withLabRunSlot(async () => "too many", { slots: 1 })).rejects.toMatchObject({
      code: "unavailable:pipeline_busy",
    });
    leaving.abort();
    await expect(left).rejects.toBeInstanceOf(PipelineRunError);
    first.finish();
    for (const w of waiting) w.finish();
    await Promise.all([running, ...queued]);
    expect(log).not.toContain("start left");
  });

  it("lets each identity have one run going at a time, across servers (the count is in the database)", async () => {
    const user = randomUUID();
    await ensureUser({ db: database.db, id: user });
    await admitLabRun(database, user);
    const row = await startRun({
      db: database.db,
      values: { pipeline: "ann", params: {}, userId: user, serverInstanceId: "another-server" },
    });
    const refused = await admitLabRun(database, user).catch((e) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect(refused.message).toContain("already have a pipeline running");
    // Someone else is not held up by it.
    const other = randomUUID();
    await ensureUser({ db: database.db, id: other });
    await admitLabRun(database, other);
    await finishRun({ db: database.db, id: row.id, outcome: { status: "succeeded" } });
    await admitLabRun(database, user);
  });

  it("counts a run waiting in line as the person's one run, and lets only one of two requests at once through", async () => {
    const user = randomUUID();
    const other = randomUUID();
    await ensureUser({ db: database.db, id: user });
    await ensureUser({ db: database.db, id: other });
    const getDb = async () => database.db;
    const log: string[] = [];
    const blocker = gatedRun(log, "blocker");
    // Someone else holds the only slot, so the person's runs would wait in line.
    const holding = withLabRunSlot(blocker.run, { slots: 1 });
    await tick();
    const attempt = (name: string, id: string) => {
      const gated = gatedRun(log, name);
      const result = recordPipelineRun({
        pipeline: "ann",
        params: {},
        userId: id,
        onePerUser: true,
        getDb,
        run: () => withLabRunSlot(gated.run, { slots: 1 }),
      });
      return { result, finish: gated.finish };
    };
    // Five at once from one person: exactly one is recorded and waits; the rest are refused.
    const five = ["b1", "b2", "b3", "b4", "b5"].map((name) => attempt(name, user));
    const outcomes: Array<"waiting" | "done" | unknown> = five.map(() => "waiting");
    five.forEach((a, i) => {
      a.result.then(
        () => {
          outcomes[i] = "done";
        },
        (error: unknown) => {
          outcomes[i] = error;
        },
      );
    });
    // Each refusal is a database transaction: wait for four of them, however slow the server.
    for (let waited = 0; outcomes.filter((o) => o !== "waiting").length < 4 && waited < 10_000; waited += 10)
      await tick();
    await tick();
    expect(outcomes.filter((o) => o instanceof UserRunBusyError)).toHaveLength(4);
    expect(outcomes.filter((o) => o === "waiting")).toHaveLength(1);
    // The quick check before streaming sees the waiting run too; another person is not affected.
    await expect(admitLabRun(database, user)).rejects.toBeInstanceOf(RateLimitedError);
    await admitLabRun(database, other);
    blocker.finish();
    await holding;
    await tick();
    const admitted = outcomes.indexOf("waiting");
    expect(log).toEqual(["start blocker", "end blocker", `start b${admitted + 1}`]);
    five[admitted]?.finish();
    await five[admitted]?.result;
    await admitLabRun(database, user);
  });
});
