import { type StreamEvent, streamEventSchema } from "./stream-event";

/** Parses one event's JSON; anything that is not a known event is an error, never guessed at. */
export function parseStreamEvent(json: string): StreamEvent {
  return streamEventSchema.parse(JSON.parse(json));
}

/** The body's text, line by line, however the network split it. */
async function* readLines(body: NonNullable<Response["body"]>): AsyncGenerator<string> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      yield* lines;
    }
    if (buffer) yield buffer;
  } finally {
    // Stopping early (the caller returned) releases the connection instead of leaving it half read.
    await reader.cancel().catch(() => undefined);
  }
}

/** The events of a newline-delimited JSON body, one validated event at a time. */
export async function* readNdjsonEvents(body: NonNullable<Response["body"]>): AsyncGenerator<StreamEvent> {
  for await (const line of readLines(body)) {
    if (line.trim()) yield parseStreamEvent(line);
  }
}

/**
 * The events of a server-sent event body with their ids (the interview's sequence numbers).
 * For scripts and tests; browsers use EventSource and `parseStreamEvent` on each message.
 */
export async function* readSseEvents(
  body: NonNullable<Response["body"]>,
): AsyncGenerator<{ id: number | null; event: StreamEvent }> {
  let id: number | null = null;
  let data: string[] = [];
  for await (const line of readLines(body)) {
    if (line === "") {
      if (data.length > 0) yield { id, event: parseStreamEvent(data.join("\n")) };
      id = null;
      data = [];
    } else if (line.startsWith("id:")) id = Number(line.slice(3).trim());
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    // Comments (": keep-alive") and `retry:` lines carry no event.
  }
}

/**
 * Posts JSON and opens the NDJSON answer. A non-2xx answer throws with the server's error
 * sentence; otherwise the events come one validated object at a time.
 */
export async function openNdjson(
  url: string,
  init: { body: unknown; signal?: AbortSignal },
): Promise<AsyncGenerator<StreamEvent>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/x-ndjson" },
    body: JSON.stringify(init.body),
    signal: init.signal,
  });
  if (!response.ok || !response.body) {
    const body = await response.json().catch(() => null);
    throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
  }
  return readNdjsonEvents(response.body);
}
