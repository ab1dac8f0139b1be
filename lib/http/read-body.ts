import { AppError } from "@/lib/errors";

/** The body limit of every JSON route that does not name its own: far above any form or message. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body limit of routes that take a whole transcript (score, imports). The schema allows
 * 2,000 turns of up to 20,000 characters each, but not both at once: 8 MB holds 400 turns at
 * the per-turn maximum, or all 2,000 turns at 4,000 characters of ASCII each. It stays below the
 * 10 MB that Next.js buffers for the proxy, so an oversized body is a 413, never a cut body.
 */
export const TRANSCRIPT_MAX_BODY_BYTES = 8 * 1024 * 1024;

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString("en")} MB`
    : `${(bytes / 1024).toLocaleString("en")} KB`;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large:body", `The request body can be at most ${formatBytes(maxBytes)}.`);
}

/**
 * Reads a request body as UTF-8 text, refusing it with a 413 once it passes `maxBytes`: at once
 * when Content-Length says so, else while counting the streamed bytes (a chunked body), so an
 * oversized body is never held in memory in full.
 */
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request:body", "The request body could not be read to its end.");
  }
  return text + decoder.decode();
}
