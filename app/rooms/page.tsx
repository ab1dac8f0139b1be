import { CreateRoomForm } from "@/components/rooms/create-room-form";
import { JoinLinkForm } from "@/components/rooms/join-link-form";
import { RoomList } from "@/components/rooms/room-list";
import { listScenarioSummaries } from "@/lib/scenarios/summary";
import { getCurrentUserId } from "@/services/current-user";
import { getDatabase } from "@/services/database";
import { listRooms } from "@/services/rooms/room-service";

export const dynamic = "force-dynamic";

/** Study rooms: the ones you are in, a new one, or one a teammate invited you to. */
export default async function RoomsPage() {
  const rooms = await listRooms(await getDatabase(), await getCurrentUserId());
  const scenarios = listScenarioSummaries().map(({ id, title }) => ({ id, title }));
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Study rooms</h1>
        <p className="max-w-2xl text-sm text-muted">
          Practise with teammates: one of you is the candidate, the AI or a teammate interviews, and the others watch
          and score. Afterwards, compare your scores with the AI's.
        </p>
      </div>
      <RoomList rooms={rooms} />
      <div className="grid min-w-0 gap-8 md:grid-cols-2">
        <CreateRoomForm scenarios={scenarios} />
        <JoinLinkForm />
      </div>
    </div>
  );
}
