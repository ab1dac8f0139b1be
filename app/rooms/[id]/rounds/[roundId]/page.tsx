import { notFound } from "next/navigation";
import { roomIdParam } from "@/components/rooms/id-param";
import { RoundRoom } from "@/components/rooms/round-room";
import { AppError } from "@/lib/errors";
import { rubricTitlesOf } from "@/lib/scenarios/rubric-titles";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getRoom } from "@/services/rooms/room-service";
import { getRoundView } from "@/services/rooms/round-service";

export const dynamic = "force-dynamic";

/** One round of a study room; members only (anyone else gets the 404 page). */
export default async function RoundPage({ params }: { params: Promise<{ id: string; roundId: string }> }) {
  const { id, roundId } = await params;
  const roomId = roomIdParam.safeParse(id);
  const round = roomIdParam.safeParse(roundId);
  if (!roomId.success || !round.success) notFound();
  try {
    const database = await getDatabase();
    const userId = await getCurrentUserId();
    const view = await getRoundView(database, { roomId: roomId.data, roundId: round.data, userId });
    // The round's view does not say who hosts; the host may end any round.
    const room = await getRoom(database, roomId.data, userId);
    const canEnd = view.seat !== "observer" || room.hostUserId === room.viewerId;
    return (
      <RoundRoom
        initialView={view}
        roomEventSeq={room.eventSeq}
        canEnd={canEnd}
        rubricTitles={rubricTitlesOf(view.interview.scenarioId)}
      />
    );
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
