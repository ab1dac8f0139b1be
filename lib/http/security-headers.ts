/**
 * The security headers of every response. The fixed ones are set by next.config.ts `headers()`
 * (so static assets get them too); the Content-Security-Policy carries a per-request nonce and is
 * set by the proxy. Imported by next.config.ts, so it uses relative imports only.
 */

/** Share pages: their URL holds the token, so it must never leave in a Referer or reach an index. */
export const SHARE_PAGE_SOURCE = "/s/:path*";

/** Headers every response carries. */
export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** What share pages add to, or change in, the base headers. */
export const SHARE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

/** True for a share page's path (`/s/<token>`). */
export function isSharePath(path: string): boolean {
  return path.startsWith("/s/");
}

/** A fresh, unguessable nonce for one response's scripts. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The policy of a page. Scripts run only with the nonce (and what they load, `strict-dynamic`);
 * styles allow `unsafe-inline` because Next.js and recharts set inline style attributes, which a
 * nonce cannot cover. `unsafe-eval` only under `next dev`, whose React uses eval for error stacks.
 */
export function pageContentSecurityPolicy({ nonce, dev }: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of an API response: JSON and event streams load nothing and may not be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** next.config.ts `headers()` entries: the base headers everywhere, the share headers on /s/*. */
export function configHeaders(): { source: string; headers: { key: string; value: string }[] }[] {
  const list = (headers: Readonly<Record<string, string>>) =>
    Object.entries(headers).map(([key, value]) => ({ key, value }));
  // A later entry overrides an earlier one for the same key, so /s/* ends with no-referrer.
  return [
    { source: "/:path*", headers: list(BASE_SECURITY_HEADERS) },
    { source: SHARE_PAGE_SOURCE, headers: list(SHARE_PAGE_HEADERS) },
  ];
}
