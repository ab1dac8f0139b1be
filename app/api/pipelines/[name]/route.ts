import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getPipeline, UnknownPipelineError } from "@/lib/pipelines/registry";
import { PipelineRunError, runPipelineInWorker } from "@/lib/pipelines/run-in-worker";
import { findCurrentUserId } from "@/services/current-user";
import { recordPipelineRun } from "@/services/pipeline-runs";

/**
 * POST: runs a pipeline on a worker thread and streams NDJSON (lib/streams/stream-event.ts):
 * `progress` events, then the `result` with its summary (or an `error`). Closing the request cancels the run. The run is
 * recorded in the database (running, then succeeded or failed).
 */
export const POST = handleRoute(async (request: Request, context: { params: Promise<{ name: string }> }) => {
  const name = (await context.params).name;
  let pipeline: ReturnType<typeof getPipeline>;
  try {
    pipeline = getPipeline(name);
  } catch (error) {
    if (error instanceof UnknownPipelineError) throw new AppError("not_found:pipeline", error.message);
    throw error;
  }
  const raw = await request.json().catch(() => {
    throw new AppError("bad_request:body", "The request body must be JSON.");
  });
  const params = pipeline.paramsSchema.parse(raw);
  const userId = await findCurrentUserId();
  return streamResponse(request, "ndjson", async ({ send, signal }) => {
    try {
      const result = await recordPipelineRun({
        pipeline: name,
        params,
        userId,
        run: () =>
          runPipelineInWorker(name, params, {
            signal,
            onProgress: (fraction, message) => send({ type: "progress", fraction, message }),
          }),
      });
      send({ type: "result", result, summary: pipeline.summarize(result) });
    } catch (error) {
      if (!(error instanceof PipelineRunError)) throw error;
      const code = error.cancelled ? "cancelled:pipeline" : "failed:pipeline";
      send({ type: "error", status: error.cancelled ? 499 : 500, error: { code, message: error.message } });
    }
  });
});
