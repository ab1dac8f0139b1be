/**
 * Posts JSON and opens a newline-delimited JSON response. A non-2xx answer throws with the
 * server's error sentence; otherwise the events come one parsed object at a time.
 */
export async function openNdjson(
  url: string,
  init: { body: unknown; signal?: AbortSignal },
): Promise<AsyncGenerator<Record<string, unknown>>> {
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
  return readEvents(response.body);
}

async function* readEvents(body: NonNullable<Response["body"]>): AsyncGenerator<Record<string, unknown>> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
      }
    }
    if (buffer.trim()) yield JSON.parse(buffer) as Record<string, unknown>;
  } finally {
    // Stopping early (the caller returned) releases the connection instead of leaving it half read.
    await reader.cancel().catch(() => undefined);
  }
}

/** Posts JSON and reads NDJSON events until `onEvent` returns a value, which it returns. */
export async function postForNdjson<T>(
  url: string,
  init: { body: unknown; signal?: AbortSignal },
  onEvent: (event: Record<string, unknown>) => T | undefined,
): Promise<T | undefined> {
  for await (const event of await openNdjson(url, init)) {
    const result = onEvent(event);
    if (result !== undefined) return result;
  }
  return undefined;
}
