import { cancelledRunError, dispatchRun, type RunHandlers, startPipelineWorker } from "./worker-client";

export { PipelineRunError, type RunHandlers } from "./worker-client";

/**
 * Runs a pipeline on its own worker thread so a long run never blocks requests, and ends the
 * thread after it (the Lab: one run, cold, nothing kept). Aborting `signal` asks the pipeline
 * to stop at its next checkpoint, and terminates the thread if it does not within 2 s.
 */
export function runPipelineInWorker(pipeline: string, params: unknown, handlers: RunHandlers = {}): Promise<unknown> {
  if (handlers.signal?.aborted) return Promise.reject(cancelledRunError());
  const worker = startPipelineWorker({ cache: false });
  const stop = () => void worker.terminate();
  return dispatchRun(worker, { id: 1, pipeline, params }, handlers, stop).finally(stop);
}
