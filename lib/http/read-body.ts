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

/**
 * The body limit of `POST /api/imports`: 3 MB holds the text's 500,000 characters (UTF-16 code
 * units, MAX_IMPORT_CHARS) at their worst, 6 bytes each in JSON (`\uXXXX`), with 145 KB to spare
 * for the other fields; a round number, so the 413 names it plainly ("at most 3 MB").
 */
export const IMPORT_MAX_BODY_BYTES = 3 * 1024 * 1024;

/**
 * The body limit of `PUT /api/interviews/[id]/diagram`: a scene of up to 2 MB (MAX_DIAGRAM_BYTES,
 * counted on its compact JSON by the service, which answers over it with the diagram's own
 * sentence) plus 512 KB for the envelope and any whitespace; a round number for the 413's sentence.
 */
export const DIAGRAM_MAX_BODY_BYTES = 2.5 * 1024 * 1024;

const DIAGRAM_PATH = /^\/api\/interviews\/[^/]+\/diagram$/;

/**
 * The body limit of a path, for the proxy's early check: the routes with a larger limit name
 * theirs here as well as in their handler (which checks again), every other route has the default.
 */
export function bodyLimitFor(path: string): number {
  if (path === "/api/score") return TRANSCRIPT_MAX_BODY_BYTES;
  if (path === "/api/imports") return IMPORT_MAX_BODY_BYTES;
  if (DIAGRAM_PATH.test(path)) return DIAGRAM_MAX_BODY_BYTES;
  return DEFAULT_MAX_BODY_BYTES;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString("en")} MB`
    : `${(bytes / 1024).toLocaleString("en")} KB`;
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("too_large:body", `The request body can be at most ${formatBytes(maxBytes)}.`);
}

/**
 * Passes each chunk of a request body to `onChunk`, refusing the body with a 413 once it passes
 * `maxBytes`: at once when Content-Length says so, else while counting the streamed bytes (a
 * chunked body), and cancelling the rest, so an oversized body is never read in full.
 */
async function eachChunk(request: Request, maxBytes: number, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return;
  const reader = request.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      onChunk(value);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("bad_request:body", "The request body could not be read to its end.");
  }
}

/** Reads a request body of at most `maxBytes` as UTF-8 text; see `eachChunk` for the refusals. */
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  await eachChunk(request, maxBytes, (chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  return text + decoder.decode();
}

/**
 * Counts a body's bytes as they arrive, keeping none, and throws the same 413 as `readBodyText`
 * once it passes `maxBytes`. The proxy runs it on its copy of every body: Next.js holds a body
 * back from the route until the proxy is done and the body has arrived in full, so only the proxy
 * can answer an oversized upload while it is still being sent.
 */
export async function checkBodySize(request: Request, maxBytes: number): Promise<void> {
  await eachChunk(request, maxBytes, () => undefined);
}
