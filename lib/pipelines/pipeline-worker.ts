import { parentPort } from "node:worker_threads";
import { getPipeline } from "./registry";
import { PipelineCancelledError } from "./types";
import type { WorkerEvent, WorkerRequest } from "./worker-protocol";

/**
 * The worker thread's entry: runs one pipeline off the request thread, posting progress, and
 * stops at the next checkpoint when asked to cancel.
 */
if (!parentPort) throw new Error("pipeline-worker must run in a worker thread");
const port = parentPort;
const controller = new AbortController();
const post = (event: WorkerEvent) => port.postMessage(event);

port.on("message", async (request: WorkerRequest) => {
  if (request.type === "cancel") {
    controller.abort();
    return;
  }
  try {
    const pipeline = getPipeline(request.pipeline);
    const params = pipeline.paramsSchema.parse(request.params);
    let last = 0;
    const result = await pipeline.run(params, {
      signal: controller.signal,
      onProgress: (fraction, message) => {
        // At most ~50 progress messages a run: enough for a smooth bar, cheap to post.
        if (fraction - last >= 0.02 || fraction >= 1) {
          last = fraction;
          post({ type: "progress", fraction, message });
        }
      },
    });
    post({ type: "result", result });
  } catch (error) {
    post({ type: "error", message: (error as Error).message, cancelled: error instanceof PipelineCancelledError });
  }
});
