"use client";

import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { formatTime } from "./format-time";
import { BUTTON, CARD } from "./styles";

interface Invite {
  token: string;
  expiresAt: string;
  url: string;
}

/** The host's invite links: make one (a day or a week), copy it, revoke it. */
export function InvitePanel({ roomId, onError }: { roomId: string; onError: (message: string | null) => void }) {
  const [days, setDays] = useState<1 | 7>(7);
  const [invites, setInvites] = useState<Invite[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");

  async function create() {
    setBusy(true);
    onError(null);
    try {
      const made = await apiFetch<{ token: string; expiresAt: string }>(`/api/rooms/${roomId}/invites`, {
        body: { days },
      });
      const url = `${window.location.origin}/rooms/join?token=${encodeURIComponent(made.token)}`;
      setInvites((current) => [{ ...made, url }, ...current]);
      setStatus("Invite link created.");
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.message : "The invite link could not be created.");
    } finally {
      setBusy(false);
    }
  }

  async function copy(invite: Invite) {
    try {
      await navigator.clipboard.writeText(invite.url);
      setStatus("Link copied.");
    } catch {
      setStatus("Copying is blocked here: select the link and copy it yourself.");
    }
  }

  async function revoke(invite: Invite) {
    onError(null);
    try {
      await apiFetch(`/api/rooms/${roomId}/invites/${encodeURIComponent(invite.token)}`, { method: "DELETE" });
      setInvites((current) => current.filter((i) => i.token !== invite.token));
      setStatus("Invite link revoked: it no longer lets anyone in.");
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.message : "The link could not be revoked.");
    }
  }

  return (
    <section className={`${CARD} min-w-0 space-y-3`} aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="text-lg font-semibold">
        Invite teammates
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-2 text-sm">
          <span>Link works for</span>
          <select
            data-testid="invite-days"
            value={days}
            onChange={(event) => setDays(event.target.value === "1" ? 1 : 7)}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="1">1 day</option>
            <option value="7">7 days</option>
          </select>
        </label>
        <button
          type="button"
          data-testid="invite-create"
          disabled={busy}
          onClick={() => void create()}
          className={BUTTON}
        >
          {busy ? "Creating…" : "Create invite link"}
        </button>
      </div>
      {invites.length > 0 && (
        <ul className="space-y-2">
          {invites.map((invite) => (
            <li key={invite.token} data-testid="invite-item" className="space-y-1 text-sm">
              <code data-testid="invite-url" className="block break-all rounded bg-zinc-100 px-2 py-1 dark:bg-zinc-800">
                {invite.url}
              </code>
              <span className="flex flex-wrap items-center gap-2">
                <span className="text-xs text-muted">
                  Expires <time dateTime={invite.expiresAt}>{formatTime(invite.expiresAt)}</time>
                </span>
                <button type="button" data-testid="invite-copy" onClick={() => void copy(invite)} className={BUTTON}>
                  Copy link
                </button>
                <button
                  type="button"
                  data-testid="invite-revoke"
                  onClick={() => void revoke(invite)}
                  className={BUTTON}
                >
                  Revoke
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-muted" aria-live="polite" data-testid="invite-status">
        {status}
      </p>
    </section>
  );
}
