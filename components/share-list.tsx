"use client";

import { useCallback, useEffect, useState } from "react";

interface ShareLink {
  token: string;
  scenarioId: string;
  interviewId: string;
  expiresAt: string;
}

/** Every active share link of this browser, each revocable at once. */
export function ShareList({ scenarioTitles }: { scenarioTitles: Record<string, string> }) {
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const refresh = useCallback(async () => {
    const response = await fetch("/api/shares");
    if (response.ok) setLinks(((await response.json()) as { shares: ShareLink[] }).shares);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!links || links.length === 0) return null;
  return (
    <section className="space-y-2" aria-labelledby="shares-heading" data-testid="all-share-links">
      <h2 id="shares-heading" className="text-lg font-semibold">
        Active share links
      </h2>
      <ul className="space-y-1 text-sm">
        {links.map((link) => (
          <li key={link.token} className="flex flex-wrap items-center gap-2">
            <a href={`/s/${link.token}`} className="underline">
              {scenarioTitles[link.scenarioId] ?? "Shared interview"}
            </a>
            <span className="text-xs text-muted">until {new Date(link.expiresAt).toLocaleString("en-GB")}</span>
            <button
              type="button"
              className="text-xs text-red-700 underline dark:text-red-400"
              onClick={async () => {
                await fetch(`/api/shares/${link.token}`, { method: "DELETE" });
                await refresh();
              }}
            >
              Revoke<span className="sr-only"> the link to {scenarioTitles[link.scenarioId] ?? "this interview"}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
