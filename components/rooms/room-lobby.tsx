"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ErrorNotice } from "@/components/error-notice";
import type { RoomView } from "@/lib/rooms/types";
import { ConfirmButton } from "./confirm-button";
import { InvitePanel } from "./invite-panel";
import { MemberList } from "./member-list";
import { RemovedNotice } from "./removed-notice";
import { RoundList } from "./round-list";
import { StartRoundForm } from "./start-round-form";
import { useRoomEvents } from "./use-room-events";

/** A study room: its members, invites and rounds, kept live by the room's event stream. */
export function RoomLobby({
  initialRoom,
  scenarios,
}: {
  initialRoom: RoomView;
  scenarios: Array<{ id: string; title: string }>;
}) {
  const [room, setRoom] = useState(initialRoom);
  const [removed, setRemoved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After the host starts a round, focus moves to its link once the room shows it.
  const [focusCurrent, setFocusCurrent] = useState(false);
  const candidateSelect = useRef<HTMLSelectElement>(null);
  const currentLink = useRef<HTMLAnchorElement>(null);
  const base = `/api/rooms/${initialRoom.id}`;

  const refresh = useCallback(async () => {
    try {
      const next = await apiFetch<RoomView>(base);
      // Answers can cross: an older reading never replaces a newer one.
      setRoom((current) => (next.eventSeq >= current.eventSeq ? next : current));
    } catch (caught) {
      // A member the host removed can no longer read the room.
      if (caught instanceof ApiError && caught.status === 404) setRemoved(true);
    }
  }, [base]);

  useRoomEvents(
    initialRoom.id,
    initialRoom.eventSeq,
    !removed && room.status === "open",
    () => void refresh(),
    () => void refresh(),
  );

  async function act(url: string, method: string, body?: unknown) {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(url, { method, ...(body === undefined ? {} : { body }) });
      await refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Try again.");
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!focusCurrent || !room.currentRoundId) return;
    currentLink.current?.focus();
    setFocusCurrent(false);
  }, [focusCurrent, room.currentRoundId]);

  if (removed) return <RemovedNotice />;

  const hosting = room.hostUserId === room.viewerId && room.status === "open";
  const current = room.rounds.find((r) => r.id === room.currentRoundId) ?? null;
  const scenarioTitle = room.scenarioId
    ? (scenarios.find((s) => s.id === room.scenarioId)?.title ?? room.scenarioId)
    : "chosen per round";

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm">
          <Link href="/rooms" className="underline">
            Study rooms
          </Link>
        </p>
        <h1 className="break-words text-2xl font-semibold" data-testid="room-title">
          {room.title}
        </h1>
        <p className="text-sm text-muted" data-testid="room-meta">
          {room.status === "open" ? "Open" : "Closed"} · level {room.level} · {room.minutes} min a round · scenario{" "}
          {scenarioTitle}
        </p>
      </div>
      <div aria-live="polite" className="space-y-2">
        {current && (
          <Link
            ref={currentLink}
            href={`/rooms/${room.id}/rounds/${current.id}`}
            data-testid="current-round-link"
            className="block rounded-lg bg-indigo-600 px-4 py-3 font-medium text-white hover:bg-indigo-700"
          >
            Round {current.number} is running: {current.candidate.displayName} is the candidate. Go to the round{" "}
            <span aria-hidden="true">→</span>
          </Link>
        )}
        {room.status === "closed" && (
          <p className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800" data-testid="room-closed">
            The host closed this room. Its rounds stay readable below.
          </p>
        )}
      </div>
      {hosting && !current && (
        <button
          type="button"
          data-testid="start-round"
          onClick={() => candidateSelect.current?.focus()}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Start a round
        </button>
      )}
      {error && <ErrorNotice message={error} testId="room-error" />}
      <div className="grid min-w-0 gap-6 md:grid-cols-2">
        <div className="min-w-0 space-y-6">
          <MemberList
            room={room}
            busy={busy}
            onRemove={(userId) => void act(`${base}/members/${userId}`, "DELETE")}
            onHandOver={(userId) => void act(`${base}/host`, "PUT", { userId })}
          />
          {hosting && <InvitePanel roomId={room.id} onError={setError} />}
        </div>
        <div className="min-w-0 space-y-6">
          {hosting && !current && (
            <StartRoundForm
              room={room}
              scenarios={scenarios}
              candidateRef={candidateSelect}
              onError={setError}
              onStarted={() => {
                setFocusCurrent(true);
                void refresh();
              }}
            />
          )}
          <RoundList roomId={room.id} rounds={room.rounds} />
        </div>
      </div>
      {hosting && (
        <div className="border-t border-zinc-200 pt-4 dark:border-zinc-800">
          <ConfirmButton
            label="Close room"
            testId="close-room"
            title="Close this room?"
            text="No one can join or start rounds afterwards. Past rounds and reports stay readable."
            confirmLabel="Close room"
            confirmTestId="confirm-close-room"
            disabled={busy}
            onConfirm={() => void act(`${base}/close`, "POST")}
          />
        </div>
      )}
    </div>
  );
}
