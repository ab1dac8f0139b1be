import type { z } from "zod";

/** A request the server refused or answered with something unreadable. */
export class ApiError extends Error {
  /** The HTTP status (the response's, also for an answer the schema rejected). */
  readonly status: number;
  /** The server's error code (`{ error: { code } }`), or null when it gave none. */
  readonly code: string | null;

  constructor(status: number, code: string | null, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export interface ApiFetchInit<T> {
  /** GET without a body, POST with one, unless given. */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /** Validates the answer; without one the parsed JSON is returned as is. */
  schema?: z.ZodType<T>;
}

/** The server's `{ error: { code, message } }` body, or null for anything else. */
function serverError(body: unknown): { code: string | null; message: string } | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof message !== "string" || message === "") return null;
  return { code: typeof code === "string" ? code : null, message };
}

/**
 * Calls one of the app's JSON routes: sends `body` as JSON, throws an ApiError carrying the
 * server's code and message on a failure ("The server answered N." when it gave none), and
 * returns the parsed answer, checked against `schema` when one is given; a 204 returns undefined.
 */
export async function apiFetch<T = unknown>(url: string, init: ApiFetchInit<T> = {}): Promise<T> {
  const hasBody = init.body !== undefined;
  const response = await fetch(url, {
    method: init.method ?? (hasBody ? "POST" : "GET"),
    headers: hasBody
      ? { accept: "application/json", "content-type": "application/json" }
      : { accept: "application/json" },
    ...(hasBody ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (!response.ok) {
    const error = serverError(await response.json().catch(() => null));
    throw new ApiError(
      response.status,
      error?.code ?? null,
      error?.message ?? `The server answered ${response.status}.`,
    );
  }
  if (response.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, "invalid_response", "The server's answer could not be read.");
  }
  if (!init.schema) return body as T;
  const parsed = init.schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(response.status, "invalid_response", "The server's answer could not be read.");
  return parsed.data;
}
