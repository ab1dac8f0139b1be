/** Shown (with status 404) for an unknown, expired or revoked share link. */
export default function ShareUnavailable() {
  return (
    <div className="space-y-2" data-testid="share-unavailable">
      <h1 className="text-2xl font-semibold">This link is no longer available</h1>
      <p className="text-muted">It may have expired, or its owner may have revoked it.</p>
    </div>
  );
}
