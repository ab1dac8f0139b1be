import Link from "next/link";
import type { RoomListItem } from "@/lib/rooms/types";
import { formatTime } from "./format-time";

/** The rooms the viewer belongs to, open ones first as the server lists them. */
export function RoomList({ rooms }: { rooms: RoomListItem[] }) {
  return (
    <section className="space-y-2" aria-labelledby="your-rooms">
      <h2 id="your-rooms" className="text-lg font-semibold">
        Your rooms
      </h2>
      {rooms.length === 0 ? (
        <p className="text-sm text-muted" data-testid="rooms-empty">
          You are not in any room yet. Create one below, or join with a teammate's link.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {rooms.map((room) => (
            <li key={room.id} data-testid="room-list-item" className="flex flex-wrap items-baseline gap-x-3 px-3 py-2">
              <Link
                href={`/rooms/${room.id}`}
                className="min-w-0 break-words font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
              >
                {room.title}
              </Link>
              <span className="text-xs text-muted">
                {room.status === "closed" ? "Closed" : "Open"} · {room.memberCount}{" "}
                {room.memberCount === 1 ? "member" : "members"}
                {room.isHost ? " · you host" : ""} · created{" "}
                <time dateTime={room.createdAt}>{formatTime(room.createdAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
