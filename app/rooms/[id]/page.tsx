import { notFound } from "next/navigation";
import { roomIdParam } from "@/components/rooms/id-param";
import { RoomLobby } from "@/components/rooms/room-lobby";
import { AppError } from "@/lib/errors";
import { listScenarioSummaries } from "@/lib/scenarios/summary";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { getRoom } from "@/services/rooms/room-service";

export const dynamic = "force-dynamic";

/** A study room's lobby; members only (anyone else gets the 404 page). */
export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const id = roomIdParam.safeParse((await params).id);
  if (!id.success) notFound();
  try {
    const room = await getRoom(await getDatabase(), id.data, await getCurrentUserId());
    const scenarios = listScenarioSummaries().map(({ id, title }) => ({ id, title }));
    return <RoomLobby initialRoom={room} scenarios={scenarios} />;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
