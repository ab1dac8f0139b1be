import { createHmac, timingSafeEqual } from "node:crypto";

/** The cookie that carries a browser's anonymous identity. */
export const IDENTITY_COOKIE = "probe_uid";
export const IDENTITY_MAX_AGE_SECONDS = 60 * 60 * 24 * 365;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(userId: string, secret: string): string {
  return createHmac("sha256", secret).update(userId).digest("base64url");
}

/** `<user id>.<HMAC-SHA256 of it>`: the server can trust the id without a session table. */
export function signUserId(userId: string, secret: string): string {
  return `${userId}.${mac(userId, secret)}`;
}

/** The user id in a signed value, or null when it is missing, malformed or forged. */
export function verifySignedUserId(value: string | undefined, secret: string): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  const userId = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (dot < 0 || !UUID.test(userId)) return null;
  const expected = Buffer.from(mac(userId, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null;
}
