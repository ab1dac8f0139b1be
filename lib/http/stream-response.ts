import type { StreamEvent } from "@/lib/streams/stream-event";
import { errorResponse } from "./handle-route";

/** NDJSON for a request's own answer (the reply, a pipeline run); server-sent events for watching. */
export type StreamFormat = "ndjson" | "sse";

export interface StreamWriter {
  /** Sends one event; `id` becomes the SSE event id a reconnecting browser sends back as Last-Event-ID. */
  send(event: StreamEvent, id?: number): void;
  /** Aborts when the client goes away or the stream is closed. */
  readonly signal: AbortSignal;
}

const CONTENT_TYPES: Record<StreamFormat, string> = {
  ndjson: "application/x-ndjson; charset=utf-8",
  sse: "text/event-stream; charset=utf-8",
};

/** A comment line every so often keeps proxies from closing an idle event stream. */
const SSE_HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped event stream. */
const SSE_RETRY_MS = 1_000;

function encodeEvent(format: StreamFormat, event: StreamEvent, id?: number): string {
  const json = JSON.stringify(event);
  if (format === "ndjson") return `${json}\n`;
  return `${id !== undefined ? `id: ${id}\n` : ""}data: ${json}\n\n`;
}

/**
 * The one way a route streams: `produce` writes typed events until it returns. The response
 * waits for the first event (NDJSON) so that a failure before it (validation, not found, not
 * allowed) is a plain HTTP error with its real status and JSON body; a failure after it becomes an
 * `error` event with the same body and status. Server-sent events open at once, as a watch may
 * wait long for its first event: their routes check access before they stream. The stream
 * closes when `produce` ends, and `signal` aborts when the client leaves, so work stops too.
 */
export async function streamResponse(
  request: Request,
  format: StreamFormat,
  produce: (writer: StreamWriter) => Promise<void>,
): Promise<Response> {
  const encoder = new TextEncoder();
  const done = new AbortController();
  const abort = () => done.abort();
  request.signal.addEventListener("abort", abort, { once: true });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let opened = format === "sse";
  let open: (failure?: { error: unknown }) => void = () => undefined;
  const firstEvent = new Promise<{ error: unknown } | undefined>((resolve) => {
    open = resolve;
  });
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (done.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The client went away between two writes; nothing more can reach it.
          done.abort();
        }
      };
      const writer: StreamWriter = {
        send: (event, id) => {
          write(encodeEvent(format, event, id));
          opened = true;
          open();
        },
        signal: done.signal,
      };
      if (format === "sse") {
        write(`retry: ${SSE_RETRY_MS}\n\n`);
        heartbeat = setInterval(() => write(": keep-alive\n\n"), SSE_HEARTBEAT_MS);
      }
      // Not awaited: start() must return for the stream to be handed to the response.
      void (async () => {
        try {
          await produce(writer);
        } catch (error) {
          if (!opened) {
            open({ error });
            return;
          }
          const response = errorResponse(error);
          writer.send({ type: "error", status: response.status, ...(await response.json()) });
        } finally {
          clearInterval(heartbeat);
          request.signal.removeEventListener("abort", abort);
          done.abort();
          try {
            controller.close();
          } catch {
            // Already cancelled by the client: there is nothing left to close.
          }
          open();
        }
      })();
    },
    cancel() {
      clearInterval(heartbeat);
      done.abort();
    },
  });
  if (format === "ndjson") {
    const failure = await firstEvent;
    if (failure) {
      await stream.cancel().catch(() => undefined);
      return errorResponse(failure.error);
    }
  }
  return new Response(stream, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "cache-control": "no-store",
      // Proxies such as nginx would otherwise hold events back in a buffer.
      ...(format === "sse" ? { "x-accel-buffering": "no" } : {}),
    },
  });
}
