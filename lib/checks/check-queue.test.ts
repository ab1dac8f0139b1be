import { describe, expect, it } from "vitest";
import type { QuantitativeClaim } from "@/lib/interview/detect-claims";
import type { CheckCard } from "@/lib/types";
import { type CheckJob, createCheckQueue } from "./check-queue";

const claim: QuantitativeClaim = { pipeline: "funnel", quote: "within 200 ms", totalMs: 200 };
const card = (headline: string): CheckCard => ({
  pipeline: "funnel",
  title: "Funnel",
  claim: "",
  headline,
  rows: [],
  chart: null,
  assumptions: [],
});

/** A runner whose runs finish only when the test says so. */
function controlledRunner() {
  const started: Array<{ finish: (c: CheckCard) => void; fail: (e: Error) => void }> = [];
  const run = () =>
    new Promise<CheckCard>((resolve, reject) => {
      started.push({ finish: resolve, fail: reject });
    });
  return { started, run };
}

const job = (turnId: string): CheckJob => ({ interviewId: "i", turnId, claim });

describe("createCheckQueue", () => {
  it("runs jobs one at a time in order, stores each card, and tells listeners", async () => {
    const runner = controlledRunner();
    const stored: Array<[string, CheckCard]> = [];
    const queue = createCheckQueue({
      concurrency: 1,
      maxQueued: 4,
      run: runner.run,
      store: async (j, c) => {
        stored.push([j.turnId, c]);
      },
    });
    expect(queue.enqueue(job("a"))).toBe("queued");
    expect(queue.enqueue(job("b"))).toBe("queued");
    expect(queue.enqueue(job("a"))).toBe("duplicate");
    expect(runner.started).toHaveLength(1);
    const arrivedA = queue.waitFor("a");
    runner.started[0]?.finish(card("first"));
    expect(await arrivedA).toMatchObject({ headline: "first", status: "done", claim: "within 200 ms" });
    await new Promise((r) => setTimeout(r, 0));
    expect(runner.started).toHaveLength(2);
    runner.started[1]?.fail(new Error("boom"));
    expect(await queue.waitFor("b")).toMatchObject({ status: "failed" });
    expect(stored.map(([id, c]) => `${id}:${c.status}`)).toEqual(["a:done", "b:failed"]);
  });

  it("refuses past its bound at once, with a failed card, and never runs the refused job", async () => {
    const runner = controlledRunner();
    const queue = createCheckQueue({ concurrency: 1, maxQueued: 1, run: runner.run, store: async () => {} });
    queue.enqueue(job("running"));
    queue.enqueue(job("waiting"));
    expect(queue.enqueue(job("refused"))).toBe("full");
    expect(await queue.waitFor("refused")).toMatchObject({ status: "failed" });
    expect(queue.size()).toEqual({ waiting: 1, running: 1 });
  });

  it("hands a card finished before anyone listened to a late listener, and times out otherwise", async () => {
    const runner = controlledRunner();
    const queue = createCheckQueue({ concurrency: 1, maxQueued: 1, run: runner.run, store: async () => {} });
    queue.enqueue(job("early"));
    runner.started[0]?.finish(card("done early"));
    await new Promise((r) => setTimeout(r, 0));
    expect(await queue.waitFor("early")).toMatchObject({ headline: "done early" });
    expect(await queue.waitFor("never", undefined, 20)).toBeNull();
  });
});
