import Link from "next/link";
import { JoinRoomForm } from "@/components/rooms/join-room-form";

export const dynamic = "force-dynamic";

/** Where an invite link leads: choose the name teammates will see, then enter the room. */
export default async function JoinRoomPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-semibold">Join a study room</h1>
      {token ? (
        <JoinRoomForm token={token} />
      ) : (
        <p className="text-sm" data-testid="join-no-token">
          This link has no invite in it. Ask the room's host for a new link, or paste it on the{" "}
          <Link href="/rooms" className="underline">
            study rooms
          </Link>{" "}
          page.
        </p>
      )}
    </div>
  );
}
