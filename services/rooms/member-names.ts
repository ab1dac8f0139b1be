import type { RoomMemberView } from "@/lib/rooms/types";

/** How someone who has left the room (or was removed) is named in its rounds. */
export const FORMER_MEMBER = "A former member";

/** A person as room views show them, from every name the room has known (removed members included). */
export function personIn(names: Map<string, string>, hostUserId: string) {
  return (userId: string): RoomMemberView => ({
    userId,
    displayName: names.get(userId) ?? FORMER_MEMBER,
    isHost: userId === hostUserId,
  });
}
