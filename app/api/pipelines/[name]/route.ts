import { AppError } from "@/lib/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getPipeline, UnknownPipelineError } from "@/lib/pipelines/registry";
import { PipelineRunError, runPipelineInWorker } from "@/lib/pipelines/run-in-worker";
import { findCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { admitLabRun, withLabRunSlot } from "@/services/pipeline-gate";
import { recordPipelineRun } from "@/services/pipeline-runs";

/**
 * POST: runs a pipeline on a worker thread and streams NDJSON (lib/streams/stream-event.ts):
 * `progress` events, then the `result` with its summary (or an `error`). Closing the request cancels the run. The run is
 * recorded in the database (running, then succeeded or failed). Each person has one run going at
 * a time and a rate limit (429), and a server runs one fewer than its cores at once, the rest
 * waiting in line with a progress line saying how many are ahead.
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
  const params = await parseJsonBody(request, pipeline.paramsSchema);
  const userId = await findCurrentUserId();
  // One run going per person, within their rate limit: refused here with a real 429.
  if (userId) await admitLabRun(await getDatabase(), userId);
  return streamResponse(request, "ndjson", async ({ send, signal }) => {
    try {
      const result = await withLabRunSlot(
        () =>
          recordPipelineRun({
            pipeline: name,
            params,
            userId,
            run: () =>
              runPipelineInWorker(name, params, {
                signal,
                onProgress: (fraction, message) => send({ type: "progress", fraction, message }),
              }),
          }),
        {
          signal,
          onWaiting: (ahead) =>
            send({
              type: "progress",
              fraction: 0,
              message: `Waiting for a free worker: ${ahead} ${ahead === 1 ? "run" : "runs"} ahead.`,
            }),
        },
      );
      send({ type: "result", result, summary: pipeline.summarize(result) });
    } catch (error) {
      if (!(error instanceof PipelineRunError)) throw error;
      const code = error.cancelled ? "cancelled:pipeline" : "failed:pipeline";
      send({ type: "error", status: error.cancelled ? 499 : 500, error: { code, message: error.message } });
    }
  });
});
