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
 * The one way a route streams: `produce` writes typed events until it returns; a failure
 * becomes an `error` event with the same body and status an HTTP error would have. The stream
 * closes when `produce` ends, and `signal` aborts when the client leaves, so work stops too.
 */
export function streamResponse(
  request: Request,
  format: StreamFormat,
  produce: (writer: StreamWriter) => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  const done = new AbortController();
  const abort = () => done.abort();
  request.signal.addEventListener("abort", abort, { once: true });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
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
        send: (event, id) => write(encodeEvent(format, event, id)),
        signal: done.signal,
      };
      if (format === "sse") {
        write(`retry: ${SSE_RETRY_MS}\n\n`);
        heartbeat = setInterval(() => write(": keep-alive\n\n"), SSE_HEARTBEAT_MS);
      }
      try {
        await produce(writer);
      } catch (error) {
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
      }
    },
    cancel() {
      clearInterval(heartbeat);
      done.abort();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "cache-control": "no-store",
      // Proxies such as nginx would otherwise hold events back in a buffer.
      ...(format === "sse" ? { "x-accel-buffering": "no" } : {}),
    },
  });
}
