import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readNdjsonEvents, readSseEvents } from "@/lib/streams/read-stream";
import { streamResponse } from "./stream-response";

function request(signal?: AbortSignal): Request {
  return new Request("http://127.0.0.1/stream", { signal });
}

async function collect<T>(events: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe("streamResponse", () => {
  it("writes NDJSON events in order and closes when the producer returns", async () => {
    const response = await streamResponse(request(), "ndjson", async ({ send }) => {
      send({ type: "token", token: "Hello " });
      send({ type: "reset" });
      send({ type: "progress", message: "building the index", fraction: 0.5 });
    });
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    expect(await response.clone().text()).toBe(
      '{"type":"token","token":"Hello "}\n{"type":"reset"}\n{"type":"progress","message":"building the index","fraction":0.5}\n',
    );
    expect(await collect(readNdjsonEvents(response.body as NonNullable<Response["body"]>))).toHaveLength(3);
  });

  it("answers a failure before the first event with its real status and JSON body, not a stream", async () => {
    const response = await streamResponse(request(), "ndjson", async () => {
      throw new AppError("not_found:interview", "This interview does not exist.");
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({
      error: { code: "not_found:interview", message: "This interview does not exist." },
    });
  });

  it("turns a failure after the first event into an error event with the status and body an HTTP error would have", async () => {
    const response = await streamResponse(request(), "ndjson", async ({ send }) => {
      send({ type: "token", token: "partial" });
      throw new AppError("conflict:interview", "This interview has ended.");
    });
    const events = await collect(readNdjsonEvents(response.body as NonNullable<Response["body"]>));
    expect(events).toEqual([
      { type: "token", token: "partial" },
      { type: "error", status: 409, error: { code: "conflict:interview", message: "This interview has ended." } },
    ]);
  });

  it("writes server-sent events with their ids, a retry hint and no id where none is given", async () => {
    const response = await streamResponse(request(), "sse", async ({ send }) => {
      send({ type: "step", step: "data-preparation" }, 7);
      send({ type: "report" });
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const text = await response.clone().text();
    expect(text.startsWith("retry: ")).toBe(true);
    expect(text).toContain('id: 7\ndata: {"type":"step","step":"data-preparation"}\n\n');
    const events = await collect(readSseEvents(response.body as NonNullable<Response["body"]>));
    expect(events).toEqual([
      { id: 7, event: { type: "step", step: "data-preparation" } },
      { id: null, event: { type: "report" } },
    ]);
  });

  it("aborts the producer's signal when the client goes away", async () => {
    const client = new AbortController();
    let sawAbort = false;
    const response = await streamResponse(request(client.signal), "sse", async ({ send, signal }) => {
      send({ type: "reset" }, 1);
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
      sawAbort = signal.aborted;
    });
    const reader = (response.body as NonNullable<Response["body"]>).getReader();
    await reader.read();
    client.abort();
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sawAbort).toBe(true);
  });
});

describe("stream readers", () => {
  function chunked(text: string, size: number): NonNullable<Response["body"]> {
    const bytes = new TextEncoder().encode(text);
    return new ReadableStream({
      start(controller) {
        for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
        controller.close();
      },
    });
  }

  it("reads events however the network splits them, multi-byte characters included", async () => {
    const ndjson = '{"type":"token","token":"naïve – “ok”"}\n{"type":"reset"}';
    for (const size of [1, 3, 7, 1000]) {
      expect(await collect(readNdjsonEvents(chunked(ndjson, size)))).toEqual([
        { type: "token", token: "naïve – “ok”" },
        { type: "reset" },
      ]);
    }
    const sse = ': keep-alive\n\nid: 3\ndata: {"type":"report"}\n\nretry: 1000\n\n';
    for (const size of [1, 5, 1000]) {
      expect(await collect(readSseEvents(chunked(sse, size)))).toEqual([{ id: 3, event: { type: "report" } }]);
    }
  });

  it("refuses an event that is not in the contract", async () => {
    await expect(collect(readNdjsonEvents(chunked('{"type":"teleport"}\n', 4)))).rejects.toThrow();
  });
});
