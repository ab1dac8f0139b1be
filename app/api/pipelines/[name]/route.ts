import { AppError } from "@/lib/errors";
import { errorResponse, handleRoute } from "@/lib/http/handle-route";
import { getPipeline, UnknownPipelineError } from "@/lib/pipelines/registry";
import { PipelineRunError, runPipelineInWorker } from "@/lib/pipelines/run-in-worker";
import { findCurrentUserId } from "@/services/current-user";
import { recordPipelineRun } from "@/services/pipeline-runs";

/**
 * POST: runs a pipeline on a worker thread and streams NDJSON: `progress` events, then the
 * `result` with its summary (or an `error`). Closing the request cancels the run. The run is
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
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: Record<string, unknown>) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const result = await recordPipelineRun({
          pipeline: name,
          params,
          userId,
          run: () =>
            runPipelineInWorker(name, params, {
              signal: request.signal,
              onProgress: (fraction, message) => send({ type: "progress", fraction, message }),
            }),
        });
        send({ type: "result", result, summary: pipeline.summarize(result) });
      } catch (error) {
        if (error instanceof PipelineRunError)
          send({ type: "error", message: error.message, cancelled: error.cancelled });
        else send({ type: "error", ...(await errorResponse(error).json()) });
      } finally {
        try {
          controller.close();
        } catch {
          // The client went away first; nothing is left to close.
        }
      }
    },
  });
  return new Response(stream, {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
  });
});
