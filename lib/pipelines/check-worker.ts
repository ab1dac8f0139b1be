import fs from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { processScratchDir } from "./scratch";
import { cancelledRunError, dispatchRun, type RunHandlers, startPipelineWorker } from "./worker-client";

/**
 * The interview's claim checks share ONE long-lived worker thread per process, so a check pays
 * neither a thread start (tsx and the pipelines load in about 0.4 s) nor, thanks to the run cache
 * inside it, a second generation of the same data, baseline or index. Runs are served one at a
 * time in submission order: concurrent checks would only slow each other and blur the latencies
 * they measure. The thread is unref'd while idle, so a CLI exits without closing it.
 */
let worker: Worker | null = null;
let queue: Promise<void> = Promise.resolve();
let nextId = 1;
let workersStarted = 0;
let pending = 0;

/**
 * Runs a pipeline on the shared check worker (started lazily, replaced when it died or was
 * terminated after a cancel that did not stop within 2 s). Same contract as
 * `runPipelineInWorker`: progress, cancellation through `signal` (also while still queued) and
 * `PipelineRunError`s.
 */
export function runCheckInWorker(pipeline: string, params: unknown, handlers: RunHandlers = {}): Promise<unknown> {
  const { signal } = handlers;
  if (signal?.aborted) return Promise.reject(cancelledRunError());
  const id = nextId++;
  pending++;
  return new Promise((resolve, reject) => {
    const onQueuedAbort = () => reject(cancelledRunError());
    signal?.addEventListener("abort", onQueuedAbort, { once: true });
    queue = queue.then(async () => {
      signal?.removeEventListener("abort", onQueuedAbort);
      try {
        if (signal?.aborted) return;
        resolve(await serve({ id, pipeline, params }, handlers));
      } catch (error) {
        reject(error);
      } finally {
        pending--;
      }
    });
  });
}

/** For tests and health checks: the live thread's id, how many threads were started, runs not yet settled. */
export function checkWorkerInfo(): { threadId: number | null; workersStarted: number; pending: number } {
  return { threadId: worker?.threadId ?? null, workersStarted, pending };
}

/** Terminates the shared worker (its cache goes with it); the next check starts a new one. */
export async function stopCheckWorker(): Promise<void> {
  const current = worker;
  worker = null;
  await current?.terminate();
}

async function serve(request: { id: number; pipeline: string; params: unknown }, handlers: RunHandlers) {
  const current = ensureWorker();
  current.ref();
  try {
    return await dispatchRun(current, request, handlers, () => {
      if (worker === current) worker = null;
      void current.terminate();
    });
  } finally {
    current.unref();
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const scratchDir = fs.mkdtempSync(path.join(processScratchDir(), "probe-check-"));
  const removeScratch = () => fs.rmSync(scratchDir, { recursive: true, force: true });
  const started = startPipelineWorker({ cache: true, scratchDir });
  workersStarted++;
  started.unref();
  process.on("exit", removeScratch);
  // A thread that dies, idle or mid-run, is dropped; the run it held (if any) fails on its own listener.
  const drop = () => {
    if (worker === started) worker = null;
  };
  started.on("error", drop).once("exit", () => {
    drop();
    removeScratch();
    process.off("exit", removeScratch);
  });
  worker = started;
  return started;
}
