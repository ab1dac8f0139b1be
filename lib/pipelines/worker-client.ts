import path from "node:path";
import { Worker } from "node:worker_threads";
import { processScratchDir } from "./scratch";
import type { RunDebug, WorkerEvent, WorkerOptions, WorkerRequest } from "./worker-protocol";

export interface RunHandlers {
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  /** Called with where the run was served and what the cache held, when it succeeds. */
  onDebug?: (debug: RunDebug) => void;
}

/** A pipeline failure, with whether it was a cancellation, or parameters the worker refused. */
export class PipelineRunError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
    readonly invalidParams = false,
  ) {
    super(message);
    this.name = "PipelineRunError";
  }
}

export const cancelledRunError = () => new PipelineRunError("The pipeline was cancelled.", true);

/** How long a cancelled run may take to reach its next checkpoint before its thread is terminated. */
export const CANCEL_GRACE_MS = 2000;

const BOOT = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "pipelines", "pipeline-worker-boot.mjs");

/**
 * Starts a pipeline worker thread. It loads the TypeScript source through tsx (installed with
 * the project), registered by its boot file. Its files go under this process's scratch directory.
 */
export function startPipelineWorker(options: WorkerOptions): Worker {
  return new Worker(BOOT, { workerData: { processScratchDir: processScratchDir(), ...options } });
}

/**
 * Sends one run to `worker` and settles with its outcome: the result, the pipeline's own error,
 * or the thread's death. Aborting `signal` asks the run to stop at its next checkpoint; when it
 * has not within CANCEL_GRACE_MS, `stop` is called (it should terminate the thread) and the run
 * rejects as cancelled. Listeners are removed once settled, so a worker can serve the next run.
 */
export function dispatchRun(
  worker: Worker,
  request: { id: number; pipeline: string; params: unknown },
  handlers: RunHandlers,
  stop: () => void,
): Promise<unknown> {
  const { id } = request;
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      handlers.signal?.removeEventListener("abort", onAbort);
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      outcome();
    };
    const onAbort = () => {
      worker.postMessage({ type: "cancel", id } satisfies WorkerRequest);
      timer = setTimeout(() => {
        stop();
        finish(() => reject(cancelledRunError()));
      }, CANCEL_GRACE_MS).unref();
    };
    const onMessage = (event: WorkerEvent) => {
      if (event.id !== id) return;
      if (event.type === "progress") handlers.onProgress?.(event.fraction, event.message);
      else if (event.type === "result") {
        handlers.onDebug?.(event.debug);
        finish(() => resolve(event.result));
      } else finish(() => reject(new PipelineRunError(event.message, event.cancelled, event.invalidParams)));
    };
    const onError = (error: Error) => finish(() => reject(new PipelineRunError(error.message, false)));
    const onExit = (code: number) =>
      finish(() => reject(new PipelineRunError(`the pipeline worker exited with code ${code}`, false)));
    if (handlers.signal?.aborted) return reject(cancelledRunError());
    handlers.signal?.addEventListener("abort", onAbort);
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
    worker.postMessage({ type: "run", ...request } satisfies WorkerRequest);
  });
}
