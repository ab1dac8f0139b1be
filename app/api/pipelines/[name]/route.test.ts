import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PipelineRunError, type RunHandlers } from "@/lib/pipelines/run-in-worker";
import { readNdjsonEvents } from "@/lib/streams/read-stream";
import type { StreamEvent } from "@/lib/streams/stream-event";
import { LAB_RUN_SLOTS, withLabRunSlot } from "@/services/pipeline-gate";

/** The worker is injected: each test says what it does before it fails (or not). */
const worker = vi.hoisted(() => ({ run: async (_handlers: unknown): Promise<unknown> => ({}) }));
vi.mock("@/lib/pipelines/run-in-worker", async (actual) => ({
  ...(await actual<typeof import("@/lib/pipelines/run-in-worker")>()),
  runPipelineInWorker: (_name: string, _params: unknown, handlers: unknown) => worker.run(handlers),
}));
vi.mock("@/services/current-user", () => ({ findCurrentUserId: async () => null }));
vi.mock("@/services/pipeline-runs", async (actual) => ({
  ...(await actual<typeof import("@/services/pipeline-runs")>()),
  recordPipelineRun: ({ run }: { run: () => Promise<unknown> }) => run(),
}));

const { POST } = await import("./route");

function post(body: unknown = {}) {
  const request = new Request("http://localhost/api/pipelines/capacity", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ name: "capacity" }) });
}

async function events(response: Response): Promise<StreamEvent[]> {
  const read: StreamEvent[] = [];
  for await (const event of readNdjsonEvents(response.body as NonNullable<Response["body"]>)) read.push(event);
  return read;
}

const bootFailure = () => new PipelineRunError("the pipeline worker exited with code 1", false);

/** Ends the runs a test holds its slots with. */
const releases: Array<() => void> = [];
beforeEach(() => {
  worker.run = async () => ({});
});
afterEach(() => {
  for (const resolve of releases.splice(0)) resolve();
});

describe("POST /api/pipelines/[name] when the run fails", () => {
  it("answers 500 with a JSON error when the worker fails before any event", async () => {
    worker.run = async () => {
      throw bootFailure();
    };
    const response = await post();
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "failed:pipeline", message: "the pipeline worker exited with code 1" },
    });
  });

  it("answers 400 when the worker refuses the parameters before any event", async () => {
    worker.run = async () => {
      throw new PipelineRunError("n: n must be at least 1,000", false, true);
    };
    const response = await post();
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "bad_request:input", message: "n: n must be at least 1,000" },
    });
  });

  it("still refuses parameters the route validates with a 400, before starting a worker", async () => {
    const run = vi.fn(worker.run);
    worker.run = run;
    const response = await post({ dau: -1 });
    expect(response.status).toBe(400);
    expect(run).not.toHaveBeenCalled();
  });

  it("streams 200 and an error event when the worker fails after its first progress", async () => {
    worker.run = async (handlers) => {
      (handlers as RunHandlers).onProgress?.(0.1, "Measuring");
      throw bootFailure();
    };
    const response = await post();
    expect(response.status).toBe(200);
    expect(await events(response)).toEqual([
      { type: "progress", fraction: 0.1, message: "Measuring" },
      {
        type: "error",
        status: 500,
        error: { code: "failed:pipeline", message: "the pipeline worker exited with code 1" },
      },
    ]);
  });

  it("streams 200 and an error event when the run waited in line (a progress event) and then failed", async () => {
    // Every slot taken: the request waits in line and is told so before its worker starts.
    const held = Array.from({ length: LAB_RUN_SLOTS }, () =>
      withLabRunSlot(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    worker.run = async () => {
      throw bootFailure();
    };
    const response = await post();
    expect(response.status).toBe(200);
    for (const resolve of releases.splice(0)) resolve();
    await Promise.all(held);
    const read = await events(response);
    expect(read.map((event) => event.type)).toEqual(["progress", "error"]);
    expect(read[0]).toMatchObject({ message: "Waiting for a free worker: 1 run ahead." });
    expect(read[1]).toMatchObject({ status: 500, error: { code: "failed:pipeline" } });
  });
});
