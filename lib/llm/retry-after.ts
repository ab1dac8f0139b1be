/**
 * The longest Retry-After the client waits for within a turn. The SDK itself would wait up to a
 * minute; a candidate would not, so a longer wait is not retried: the offline interviewer answers
 * at once and the circuit stays open until the server said to come back.
 */
export const MAX_RETRY_AFTER_MS = 5_000;

/** Milliseconds a response asks the client to wait (Retry-After-Ms, or Retry-After in seconds or as a date). */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | null {
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms)) return Math.max(0, ms);
  const value = headers.get("retry-after");
  if (!value) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/**
 * Wraps fetch so a response asking for a wait longer than `maxMs` is marked not to be retried
 * (the SDK obeys `x-should-retry: false`) and `onLongWait` hears how long the server asked for.
 * Shorter waits are left to the SDK, which waits exactly as long as asked before retrying.
 */
export function capRetryAfter(
  fetchImpl: typeof fetch,
  onLongWait: (ms: number) => void,
  maxMs: number = MAX_RETRY_AFTER_MS,
): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    const wait = response.ok ? null : retryAfterMs(response.headers);
    if (wait === null || wait <= maxMs) return response;
    onLongWait(wait);
    const headers = new Headers(response.headers);
    headers.set("x-should-retry", "false");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
