/**
 * The proxy's decision on a request before any route sees it: a pure function of a few headers,
 * so every rule is unit-tested without a server.
 */

/** Every method a page or route handler answers; anything else (TRACE, CONNECT, ...) is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** What the guard reads of one request. */
export interface GuardInput {
  method: string;
  /** The path as sent, still percent-encoded. */
  path: string;
  /** The `Origin` header, or null when absent. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header, or null when absent. */
  secFetchSite: string | null;
  /** The `Content-Type` header, or null when absent. */
  contentType: string | null;
  /** Whether the request carries a body (a non-zero Content-Length, or a chunked one). */
  hasBody: boolean;
  /** The origins this server answers as (see `ownOrigins`). */
  ownOrigins: readonly string[];
}

export type GuardRefusal = {
  allow: false;
  status: 400 | 403 | 405 | 415;
  code: string;
  message: string;
  headers?: Record<string, string>;
};

export type GuardDecision = { allow: true } | GuardRefusal;

/** True for `/api` and everything under it. */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** True when some segment of the path is not valid percent-encoding (Next.js would answer 500). */
export function hasMalformedEncoding(path: string): boolean {
  for (const segment of path.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  return contentType.split(";")[0]?.trim().toLowerCase() === "application/json";
}

/** The ASCII serialisation of a URL's origin, or null when the value is not a URL with a host. */
function normaliseOrigin(value: string): string | null {
  try {
    const origin = new URL(value.trim()).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The first value of a comma-separated forwarding header. */
function firstValue(header: string | null): string | null {
  const value = header?.split(",")[0]?.trim();
  return value ? value : null;
}

/**
 * The origins a browser may be on when it talks to this server: the one it used to reach it
 * (scheme from `X-Forwarded-Proto` or the URL, host from `X-Forwarded-Host` or `Host`; a page
 * cannot set these headers on a cross-origin request without a preflight this app never grants)
 * and any configured in PROBE_ALLOWED_ORIGINS for reverse proxies that rewrite both.
 */
export function ownOrigins(input: {
  /** The request URL's protocol, e.g. `http:`. */
  protocol: string;
  host: string | null;
  forwardedHost: string | null;
  forwardedProto: string | null;
  allowed: readonly string[];
}): string[] {
  const protocol = firstValue(input.forwardedProto)?.replace(/:?$/, ":") ?? input.protocol;
  const origins = new Set<string>();
  for (const host of [firstValue(input.forwardedHost), input.host]) {
    const origin = host ? normaliseOrigin(`${protocol}//${host}`) : null;
    if (origin) origins.add(origin);
  }
  for (const value of input.allowed) {
    const origin = normaliseOrigin(value);
    if (origin) origins.add(origin);
  }
  return [...origins];
}

function refuse(status: GuardRefusal["status"], code: string, message: string, headers?: Record<string, string>) {
  return { allow: false, status, code, message, ...(headers ? { headers } : {}) } satisfies GuardRefusal;
}

/** Whether a state-changing request comes from a page of this app (or from no page at all). */
function isSameOrigin(input: GuardInput): boolean {
  if (input.origin !== null) {
    const origin = normaliseOrigin(input.origin);
    return origin !== null && input.ownOrigins.includes(origin);
  }
  // Without Origin, a browser's Sec-Fetch-Site still says where the request came from;
  // with neither, the caller is not a browser (curl, the CLIs, tests) and carries no ambient cookie risk.
  if (input.secFetchSite !== null) {
    const site = input.secFetchSite.trim().toLowerCase();
    return site === "same-origin" || site === "none";
  }
  return true;
}

/**
 * Decides one request: a 405 for a method no route answers, a 400 for a path that is not valid
 * percent-encoding, and for a POST, PUT, PATCH or DELETE to `/api`: a 403 when it comes from
 * another origin, a 415 when its body is not JSON (every route under app/api reads JSON only).
 */
export function guardRequest(input: GuardInput): GuardDecision {
  const method = input.method.toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
    return refuse(405, "method_not_allowed:method", `The method ${method} is not allowed here.`, {
      Allow: ALLOWED_METHODS.join(", "),
    });
  }
  if (hasMalformedEncoding(input.path)) {
    return refuse(400, "bad_request:path", "The address contains malformed percent-encoding.");
  }
  if (!isApiPath(input.path) || !STATE_CHANGING.has(method)) return { allow: true };
  if (!isSameOrigin(input)) {
    return refuse(
      403,
      "forbidden:origin",
      "This request came from another site; changes are only accepted from Probe's own pages.",
    );
  }
  if (input.hasBody && !isJsonContentType(input.contentType)) {
    return refuse(415, "unsupported_media_type:body", "The request body must be sent as application/json.");
  }
  return { allow: true };
}
