import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bodyLimitFor, checkBodySize } from "@/lib/http/read-body";
import { type GuardRefusal, guardRequest, isApiPath, ownOrigins } from "@/lib/http/request-guard";
import {
  API_CONTENT_SECURITY_POLICY,
  BASE_SECURITY_HEADERS,
  createNonce,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";
import {
  IDENTITY_COOKIE,
  IDENTITY_MAX_AGE_SECONDS,
  signUserId,
  verifySignedUserId,
} from "@/lib/identity/signed-cookie";
import { getSigningSecret } from "@/lib/identity/signing-secret";

/** A non-zero Content-Length or a chunked transfer means the request carries a body. */
function hasBody(request: NextRequest): boolean {
  const length = request.headers.get("content-length");
  if (length !== null) return length.trim() !== "0";
  return request.headers.has("transfer-encoding");
}

/** The proxy's own refusal: JSON under /api, a line of text for pages, with the fixed headers. */
function refusalResponse(
  path: string,
  refusal: Pick<GuardRefusal, "code" | "message" | "headers"> & { status: number },
): NextResponse {
  const init = { status: refusal.status, headers: { ...BASE_SECURITY_HEADERS, ...refusal.headers } };
  const response = isApiPath(path)
    ? NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, init)
    : new NextResponse(refusal.message, init);
  response.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  return response;
}

/**
 * Guards every request (see lib/http/request-guard.ts), gives each page a CSP with a fresh script
 * nonce (Next.js reads it from the request's CSP header and puts it on its own scripts), and gives
 * every browser an anonymous identity: a signed, httpOnly cookie holding a user id. A new cookie
 * is also added to the request itself, so the page that set it can already read it.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const config = getConfig();
  const path = request.nextUrl.pathname;
  const decision = guardRequest({
    method: request.method,
    path,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    contentType: request.headers.get("content-type"),
    hasBody: hasBody(request),
    ownOrigins: ownOrigins({
      protocol: request.nextUrl.protocol,
      host: request.headers.get("host"),
      forwardedHost: request.headers.get("x-forwarded-host"),
      forwardedProto: request.headers.get("x-forwarded-proto"),
      allowed: config.allowedOrigins,
    }),
  });
  if (!decision.allow) return refusalResponse(path, decision);
  // Next.js gives the route a body only once it has arrived in full, so an oversized upload is
  // refused here, on the proxy's own copy, while it is still arriving (the route checks again).
  if (hasBody(request)) {
    try {
      await checkBodySize(request, bodyLimitFor(path));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return refusalResponse(path, error);
    }
  }

  const secret = getSigningSecret({ configured: config.secret, dataDir: config.dataDir });
  const verified = verifySignedUserId(request.cookies.get(IDENTITY_COOKIE)?.value, secret);
  const newIdentity = verified ? null : signUserId(randomUUID(), secret);
  if (newIdentity) request.cookies.set(IDENTITY_COOKIE, newIdentity);

  const api = isApiPath(path);
  const requestHeaders = new Headers(request.headers);
  let policy = API_CONTENT_SECURITY_POLICY;
  if (!api) {
    const nonce = createNonce();
    policy = pageContentSecurityPolicy({ nonce, dev: config.development });
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (newIdentity) {
    response.cookies.set(IDENTITY_COOKIE, newIdentity, {
      httpOnly: true,
      sameSite: "lax",
      secure: request.nextUrl.protocol === "https:",
      path: "/",
      maxAge: IDENTITY_MAX_AGE_SECONDS,
    });
  }
  return response;
}

export const config = {
  // Static assets (Excalidraw's fonts under /excalidraw/ among them) skip the proxy: they need
  // neither an identity nor a nonce (next.config.ts still gives them the fixed security headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|excalidraw/).*)"],
};
