"use client";

import { useRef, useState } from "react";
import type { RoomMemberView, RoomView } from "@/lib/rooms/types";
import { ConfirmDialog, useConfirmDialog } from "./confirm-dialog";
import { BUTTON } from "./styles";

type Pending = { action: "remove" | "host"; member: RoomMemberView };

/**
 * The room's members, the host marked; the host may remove a member or hand the room over, each
 * confirmed in the one dialog the list shares.
 */
export function MemberList({
  room,
  busy,
  onRemove,
  onHandOver,
}: {
  room: RoomView;
  busy: boolean;
  onRemove: (userId: string) => void;
  onHandOver: (userId: string) => void;
}) {
  const { open, ...refs } = useConfirmDialog();
  const [pending, setPending] = useState<Pending | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const viewerHosts = room.hostUserId === room.viewerId && room.status === "open";
  const ask = (next: Pending, from: HTMLElement) => {
    setPending(next);
    open(from);
  };
  const name = pending?.member.displayName ?? "";

  return (
    <section className="space-y-2" aria-labelledby="room-members">
      <h2 id="room-members" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        Members ({room.members.length})
      </h2>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {room.members.map((member) => {
          const you = member.userId === room.viewerId;
          return (
            <li
              key={member.userId}
              data-testid="room-member"
              data-user-id={member.userId}
              className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2"
            >
              <span className="min-w-0 flex-1 break-words">
                {member.displayName}
                {you && <span className="text-muted"> (you)</span>}
                {member.isHost && (
                  <span className="ml-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
                    Host
                  </span>
                )}
              </span>
              {viewerHosts && !you && (
                <span className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    data-testid="member-make-host"
                    aria-haspopup="dialog"
                    aria-label={`Make host: ${member.displayName}`}
                    disabled={busy}
                    onClick={(event) => ask({ action: "host", member }, event.currentTarget)}
                    className={BUTTON}
                  >
                    Make host
                  </button>
                  <button
                    type="button"
                    data-testid="member-remove"
                    aria-haspopup="dialog"
                    aria-label={`Remove ${member.displayName}`}
                    disabled={busy}
                    onClick={(event) => ask({ action: "remove", member }, event.currentTarget)}
                    className={BUTTON}
                  >
                    Remove
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <ConfirmDialog
        refs={refs}
        title={pending?.action === "host" ? `Hand the room to ${name}?` : `Remove ${name} from the room?`}
        text={
          pending?.action === "host"
            ? "They will invite, remove members and start rounds; you stay in the room as a member."
            : "They lose access to the room and its rounds at once. You can invite them again later."
        }
        confirmLabel={pending?.action === "host" ? "Hand over" : "Remove"}
        confirmTestId={pending?.action === "host" ? "confirm-make-host" : "confirm-remove"}
        onConfirm={() => {
          if (!pending) return;
          if (pending.action === "remove") {
            // The removed member's row, and its button, are about to go: focus lands on the list.
            refs.opener.current = heading.current;
            onRemove(pending.member.userId);
          } else onHandOver(pending.member.userId);
        }}
      />
    </section>
  );
}
