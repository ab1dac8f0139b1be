"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { apiFetch } from "./api-fetch";
import { ErrorNotice } from "./error-notice";

interface ShareLink {
  token: string;
  interviewId: string;
  expiresAt: string;
}

const BUTTON =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

function until(link: ShareLink): string {
  return new Date(link.expiresAt).toLocaleString("en-GB");
}

/** Export in three formats, share links that expire and can be revoked, and deletion. */
export function InterviewActions({ interviewId }: { interviewId: string }) {
  const router = useRouter();
  const [days, setDays] = useState(7);
  const [links, setLinks] = useState<ShareLink[]>([]);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const response = await fetch("/api/shares");
    if (response.ok) {
      const body = (await response.json()) as { shares: ShareLink[] };
      setLinks(body.shares.filter((s) => s.interviewId === interviewId));
    }
  }, [interviewId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function call(url: string, init: { method: string; body?: unknown }, then: () => Promise<void> | void) {
    setError(null);
    try {
      await apiFetch(url, init);
    } catch (caught) {
      setError((caught as Error).message);
      return;
    }
    await then();
  }

  return (
    <section className="space-y-3" aria-label="Export and share" data-testid="interview-actions">
      <div className="flex flex-wrap items-center gap-2">
        {(["md", "json", "pdf"] as const).map((format) => (
          <a
            key={format}
            href={`/api/interviews/${interviewId}/export?format=${format}`}
            download
            data-testid={`export-${format}`}
            className={BUTTON}
          >
            Export {format === "md" ? "Markdown" : format.toUpperCase()}
          </a>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          Share for
          <select
            data-testid="share-days"
            value={days}
            onChange={(event) => setDays(Number(event.target.value))}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value={1}>1 day</option>
            <option value={7}>7 days</option>
            <option value={30}>30 days</option>
          </select>
        </label>
        <button
          type="button"
          data-testid="create-share"
          className={BUTTON}
          onClick={() =>
            void call(`/api/interviews/${interviewId}/shares`, { method: "POST", body: { days } }, refresh)
          }
        >
          Create share link
        </button>
        <button
          type="button"
          data-testid="delete-interview"
          className={`${BUTTON} ml-auto text-red-700 dark:text-red-400`}
          onClick={() => {
            if (window.confirm("Delete this interview, its transcript and its share links?")) {
              void call(`/api/interviews/${interviewId}`, { method: "DELETE" }, () => router.push("/history"));
            }
          }}
        >
          Delete
        </button>
      </div>
      {error && <ErrorNotice message={error} />}
      {links.length > 0 && (
        <ul className="space-y-1 text-sm" data-testid="share-links">
          {links.map((link) => (
            <li key={link.token} className="flex flex-wrap items-center gap-2" data-testid="share-link">
              <code
                className="min-w-0 rounded bg-zinc-100 px-1 text-xs break-all dark:bg-zinc-800"
                data-testid="share-url"
              >{`${window.location.origin}/s/${link.token}`}</code>
              <span className="text-xs text-muted">until {until(link)}</span>
              <button
                type="button"
                data-testid="revoke-share"
                className="text-xs text-red-700 underline dark:text-red-400"
                onClick={() => void call(`/api/shares/${link.token}`, { method: "DELETE" }, refresh)}
              >
                Revoke<span className="sr-only"> the link that lasts until {until(link)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
