"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ErrorNotice } from "@/components/error-notice";
import type { RoomView } from "@/lib/rooms/types";
import { DisplayNameField } from "./display-name-field";
import { PRIMARY_BUTTON } from "./styles";

/** Joins the room an invite token opens, under the name the member chooses. */
export function JoinRoomForm({ token }: { token: string }) {
  const router = useRouter();
  const [displayName, setDisplayName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const room = await apiFetch<RoomView>("/api/rooms/join", {
        body: { token, displayName: displayName.trim() },
      });
      router.push(`/rooms/${room.id}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404)
        setError("This invite link no longer works: it has expired or the host revoked it. Ask for a new one.");
      else setError(caught instanceof ApiError ? caught.message : "Joining the room failed. Try again.");
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="join-form">
      <DisplayNameField value={displayName} onChange={setDisplayName} testId="join-display-name" />
      {error && <ErrorNotice message={error} testId="room-error" />}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" data-testid="join-submit" disabled={busy} className={PRIMARY_BUTTON}>
          {busy ? "Joining…" : "Join room"}
        </button>
        <Link href="/rooms" className="text-sm underline">
          Back to study rooms
        </Link>
      </div>
    </form>
  );
}
