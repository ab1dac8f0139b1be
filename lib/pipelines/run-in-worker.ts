import path from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkerEvent, WorkerRequest } from "./worker-protocol";

export interface RunHandlers {
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
}

/** A pipeline failure, with whether it was a cancellation. */
export class PipelineRunError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
  ) {
    super(message);
    this.name = "PipelineRunError";
  }
}

const WORKER = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "pipelines", "pipeline-worker-boot.mjs");

/**
 * Runs a pipeline on a worker thread so a long run never blocks requests. The worker loads the
 * TypeScript source through tsx (installed with the project), registered by its boot file. Aborting `signal` asks the
 * pipeline to stop at its next checkpoint, and terminates the thread if it does not within 2 s.
 */
export function runPipelineInWorker(pipeline: string, params: unknown, handlers: RunHandlers = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      handlers.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => {
      worker.postMessage({ type: "cancel" } satisfies WorkerRequest);
      setTimeout(() => finish(() => reject(new PipelineRunError("The pipeline was cancelled.", true))), 2000).unref();
    };
    if (handlers.signal?.aborted) return reject(new PipelineRunError("The pipeline was cancelled.", true));
    handlers.signal?.addEventListener("abort", onAbort);
    worker.on("message", (event: WorkerEvent) => {
      if (event.type === "progress") handlers.onProgress?.(event.fraction, event.message);
      else if (event.type === "result") finish(() => resolve(event.result));
      else finish(() => reject(new PipelineRunError(event.message, event.cancelled)));
    });
    worker.on("error", (error) => finish(() => reject(new PipelineRunError(error.message, false))));
    worker.on("exit", (code) =>
      finish(() => reject(new PipelineRunError(`the pipeline worker exited with code ${code}`, false))),
    );
    worker.postMessage({ type: "run", pipeline, params } satisfies WorkerRequest);
  });
}
