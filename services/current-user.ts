import { cookies } from "next/headers";
import { ensureUser } from "@/db/queries/users";
import { getConfig } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { IDENTITY_COOKIE, verifySignedUserId } from "@/lib/identity/signed-cookie";
import { getSigningSecret } from "@/lib/identity/signing-secret";
import { logger } from "@/lib/logger";
import { getDatabase } from "./database";

const known = new Set<string>();

/**
 * The signed-in anonymous user of this request (see proxy.ts), created in the database on
 * first use. An external sign-in can later map to the same user row.
 */
export async function getCurrentUserId(): Promise<string> {
  const config = getConfig();
  const secret = getSigningSecret({ configured: config.secret, dataDir: config.dataDir });
  const userId = verifySignedUserId((await cookies()).get(IDENTITY_COOKIE)?.value, secret);
  if (!userId) throw new AppError("unauthorized:identity", "This browser has no identity yet; reload the page.");
  if (!known.has(userId)) {
    await ensureUser({ db: (await getDatabase()).db, id: userId });
    known.add(userId);
  }
  return userId;
}

/** The request's user, or null when it has none (a client without the identity cookie) or it cannot be stored. */
export async function findCurrentUserId(): Promise<string | null> {
  try {
    return await getCurrentUserId();
  } catch (error) {
    if (!(error instanceof AppError)) logger.warn("could not identify the user of this request", error);
    return null;
  }
}
