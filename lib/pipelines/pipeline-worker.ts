import { parentPort, threadId, workerData } from "node:worker_threads";
import { z } from "zod";
import { getPipeline } from "./registry";
import { enableRunCache, runCacheStats } from "./run-cache";
import { adoptProcessScratchDir } from "./scratch";
import { PipelineCancelledError } from "./types";
import type { WorkerEvent, WorkerOptions, WorkerRequest } from "./worker-protocol";

/**
 * The worker thread's entry: runs pipelines off the request thread, one at a time in the order
 * they arrive, posting progress, and stops a run at its next checkpoint when asked to cancel it.
 */
if (!parentPort) throw new Error("pipeline-worker must run in a worker thread");
const port = parentPort;
const options = (workerData ?? { cache: false }) as WorkerOptions;
if (options.processScratchDir) adoptProcessScratchDir(options.processScratchDir);
if (options.cache) enableRunCache(undefined, options.scratchDir);
const post = (event: WorkerEvent) => port.postMessage(event);
/** One controller per run not yet finished, so cancelling one run never touches the next. */
const controllers = new Map<number, AbortController>();
let queue = Promise.resolve();
let runsServed = 0;

port.on("message", (request: WorkerRequest) => {
  if (request.type === "cancel") {
    controllers.get(request.id)?.abort();
    return;
  }
  controllers.set(request.id, new AbortController());
  queue = queue.then(() => serve(request));
});

async function serve(request: Extract<WorkerRequest, { type: "run" }>): Promise<void> {
  const { id } = request;
  const controller = controllers.get(id) ?? new AbortController();
  const before = runCacheStats();
  try {
    if (controller.signal.aborted) throw new PipelineCancelledError();
    const pipeline = getPipeline(request.pipeline);
    const params = pipeline.paramsSchema.parse(request.params);
    let last = 0;
    const result = await pipeline.run(params, {
      signal: controller.signal,
      onProgress: (fraction, message) => {
        // At most ~50 progress messages a run: enough for a smooth bar, cheap to post.
        if (fraction - last >= 0.02 || fraction >= 1) {
          last = fraction;
          post({ type: "progress", id, fraction, message });
        }
      },
    });
    const after = runCacheStats();
    runsServed++;
    const debug = {
      threadId,
      runsServed,
      cacheHits: after.hits - before.hits,
      cacheMisses: after.misses - before.misses,
      cacheEntries: after.entries,
      cacheBytes: after.bytes,
    };
    post({ type: "result", id, result, debug });
  } catch (error) {
    const cancelled = error instanceof PipelineCancelledError;
    if (error instanceof z.ZodError) {
      // Parameters refused here (the caller did not validate them): a sentence per problem, as routes give.
      const message = error.issues
        .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
        .join("; ");
      post({ type: "error", id, message, cancelled: false, invalidParams: true });
    } else post({ type: "error", id, message: (error as Error).message, cancelled });
  } finally {
    controllers.delete(id);
  }
}
