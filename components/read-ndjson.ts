/**
 * Posts JSON and reads a newline-delimited JSON response, one parsed event at a time. A non-2xx
 * answer throws with the server's error sentence. Returns when `onEvent` returns a value.
 */
export async function postForNdjson<T>(
  url: string,
  init: { body: unknown; signal?: AbortSignal },
  onEvent: (event: Record<string, unknown>) => T | undefined,
): Promise<T | undefined> {
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
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return undefined;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      const result = onEvent(JSON.parse(line) as Record<string, unknown>);
      if (result !== undefined) return result;
    }
  }
}
