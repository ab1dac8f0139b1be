import { randomUUID } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/env";
import {
  IDENTITY_COOKIE,
  IDENTITY_MAX_AGE_SECONDS,
  signUserId,
  verifySignedUserId,
} from "@/lib/identity/signed-cookie";
import { getSigningSecret } from "@/lib/identity/signing-secret";

/**
 * Gives every browser an anonymous identity: a signed, httpOnly cookie holding a user id. A new
 * cookie is also added to the request itself, so the page that set it can already read it.
 */
export function proxy(request: NextRequest): NextResponse {
  const config = getConfig();
  const secret = getSigningSecret({ configured: config.secret, dataDir: config.dataDir });
  if (verifySignedUserId(request.cookies.get(IDENTITY_COOKIE)?.value, secret)) return NextResponse.next();
  const value = signUserId(randomUUID(), secret);
  request.cookies.set(IDENTITY_COOKIE, value);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(IDENTITY_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: IDENTITY_MAX_AGE_SECONDS,
  });
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
