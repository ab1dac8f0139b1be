import { NextResponse } from "next/server";
import { z } from "zod";
import { ConfigError } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { UnknownScenarioError } from "@/lib/scenarios/library";
import { readBodyText } from "./read-body";

export {
  DEFAULT_MAX_BODY_BYTES,
  DIAGRAM_MAX_BODY_BYTES,
  IMPORT_MAX_BODY_BYTES,
  TRANSCRIPT_MAX_BODY_BYTES,
} from "./read-body";

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** The sentence of every unexpected failure: the request may have failed before or after storing anything. */
export const INTERNAL_ERROR_MESSAGE =
  "Something went wrong on our side. If you were sending something, it may not have been saved: try again.";

/** Maps any error to a JSON response: AppError keeps its status; anything unexpected is logged and hidden. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    // A 429 or a busy 503 says when to come back.
    const headers = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json(errorBody(error.code, error.message), { status: error.status, headers });
  }
  if (error instanceof UnknownScenarioError) {
    return NextResponse.json(errorBody("bad_request:scenario", error.message), { status: 400 });
  }
  if (error instanceof z.ZodError) {
    const message = error.issues
      .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
      .join("; ");
    return NextResponse.json(errorBody("bad_request:input", message), { status: 400 });
  }
  if (error instanceof ConfigError) {
    logger.error(error.message);
    return NextResponse.json(errorBody("unavailable:config", error.message), { status: 503 });
  }
  logger.error("unhandled error in a route handler", error);
  return NextResponse.json(errorBody("internal:server", INTERNAL_ERROR_MESSAGE), { status: 500 });
}

/** The path of the first string (a value or a key) holding U+0000, which Postgres cannot store in text. */
function findNul(value: unknown, path: string[]): string[] | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (typeof value !== "object" || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes("\u0000")) return path;
    const found = findNul(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Reads a JSON body of at most `maxBytes` (default 1 MB) and validates it. An oversized body is
 * a 413 before it is read in full; a missing or malformed body, or one holding a NUL character,
 * is a 400 with a sentence.
 */
export async function parseJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  options: { maxBytes?: number } = {},
): Promise<T> {
  const text = await readBodyText(request, options.maxBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:body", "The request body must be JSON.");
  }
  const nulAt = findNul(raw, []);
  if (nulAt) {
    const where = nulAt.length > 0 ? `${nulAt.join(".")}: ` : "";
    throw new AppError("bad_request:input", `${where}text cannot hold the NUL character (U+0000).`);
  }
  return schema.parse(raw);
}

/** Validates a path parameter; NUL is refused here too, as no stored id or token holds it. */
export function parsePathParam<T>(schema: z.ZodType<T>, value: string): T {
  if (value.includes("\u0000")) {
    throw new AppError("bad_request:input", "A path parameter cannot hold the NUL character (U+0000).");
  }
  return schema.parse(value);
}

/** Wraps a route handler so every failure becomes a typed JSON error. */
export function handleRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
