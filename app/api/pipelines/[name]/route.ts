import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { handleRoute, parseJsonBody } from "@/lib/http/handle-route";
import { streamResponse } from "@/lib/http/stream-response";
import { getPipeline, UnknownPipelineError } from "@/lib/pipelines/registry";
import { PipelineRunError, runPipelineInWorker } from "@/lib/pipelines/run-in-worker";
import type { StreamEvent } from "@/lib/streams/stream-event";
import { findCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { admitLabRun, labRunBusyError, withLabRunSlot } from "@/services/pipeline-gate";
import { recordPipelineRun, UserRunBusyError } from "@/services/pipeline-runs";

/**
 * POST: runs a pipeline on a worker thread and streams NDJSON (lib/streams/stream-event.ts):
 * `progress` events, then the `result` with its summary (or an `error`). Closing the request
 * cancels the run. The run is recorded in the database from admission (running, waiting in line
 * included, then succeeded or failed). Each person has one run going at a time, checked
 * atomically across servers, and a rate limit (429); a server runs one fewer than its cores at
 * once, the rest waiting in line with a progress line saying how many are ahead.
 *
 * A run that fails before any event was sent (the worker thread failed to start, or refused the
 * parameters) answers with its real status and a JSON error body, like a refusal; once an event
 * went out, a waiting line's included, the status is 200 and the failure is an `error` event.
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
  let failedBeforeStreaming: PipelineRunError | undefined;
  const streamed = await streamResponse(request, "ndjson", async (writer) => {
    let streaming = false;
    const send = (event: StreamEvent) => {
      streaming = true;
      writer.send(event);
    };
    const { signal } = writer;
    try {
      // Recorded before it waits for a slot, so a run waiting in line counts as the person's one run.
      const result = await recordPipelineRun({
        pipeline: name,
        params,
        userId,
        onePerUser: true,
        run: () =>
          withLabRunSlot(
            () =>
              runPipelineInWorker(name, params, {
                signal,
                onProgress: (fraction, message) => send({ type: "progress", fraction, message }),
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
          ),
      }).catch((error) => {
        // Another request of this person's was recorded first (two at once): a real 429.
        throw error instanceof UserRunBusyError ? labRunBusyError() : error;
      });
      send({ type: "result", result, summary: pipeline.summarize(result) });
    } catch (error) {
      if (!(error instanceof PipelineRunError)) throw error;
      if (!streaming) {
        // No event yet, so no response either: this stands in for it, and the real one is made below.
        failedBeforeStreaming = error;
        throw new AppError("unavailable:pipeline", error.message);
      }
      const { status, body } = runFailure(error);
      send({ type: "error", status, ...body });
    }
  });
  if (!failedBeforeStreaming) return streamed;
  const { status, body } = runFailure(failedBeforeStreaming);
  return NextResponse.json(body, { status });
});

/** A failed run as an HTTP error: cancelled 499, parameters the worker refused 400, anything else 500. */
function runFailure(error: PipelineRunError): { status: number; body: { error: { code: string; message: string } } } {
  const [status, code] = error.cancelled
    ? [499, "cancelled:pipeline"]
    : error.invalidParams
      ? [400, "bad_request:input"]
      : [500, "failed:pipeline"];
  return { status, body: { error: { code, message: error.message } } };
}
