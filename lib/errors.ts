const STATUS_BY_KIND = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type ErrorKind = keyof typeof STATUS_BY_KIND;
export type ErrorCode = `${ErrorKind}:${string}`;

/** An error a user may see: a stable code (`kind:area`), an HTTP status, and a plain sentence. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For a 429 or 503: how long to wait before trying again (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
    const kind = code.split(":")[0] as ErrorKind;
    this.status = STATUS_BY_KIND[kind];
  }
}
