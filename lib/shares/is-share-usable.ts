/** A link works until it expires or is revoked, whichever comes first. */
export function isShareUsable(share: { expiresAt: Date; revokedAt: Date | null } | undefined, now: Date): boolean {
  return share !== undefined && share.revokedAt === null && share.expiresAt > now;
}
