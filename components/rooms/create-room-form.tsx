"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ErrorNotice } from "@/components/error-notice";
import { LevelSelect } from "@/components/level-select";
import { DEFAULT_LEVEL, type Level } from "@/lib/framework";
import type { RoomView } from "@/lib/rooms/types";
import { DisplayNameField } from "./display-name-field";
import { CARD, FIELD, PRIMARY_BUTTON } from "./styles";

/** The select's value for "the host picks a scenario each round". */
const PER_ROUND = "";

/** A new room: its title, one scenario or one per round, the level, the minutes, and the host's name in it. */
export function CreateRoomForm({ scenarios }: { scenarios: Array<{ id: string; title: string }> }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [scenarioId, setScenarioId] = useState(PER_ROUND);
  const [level, setLevel] = useState<Level>(DEFAULT_LEVEL);
  const [minutes, setMinutes] = useState("45");
  const [displayName, setDisplayName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const room = await apiFetch<RoomView>("/api/rooms", {
        body: {
          title: title.trim(),
          scenarioId: scenarioId === PER_ROUND ? null : scenarioId,
          level,
          minutes: Number(minutes),
          displayName: displayName.trim(),
        },
      });
      router.push(`/rooms/${room.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "The room could not be created.");
      setBusy(false);
    }
  }

  return (
    <section className={`${CARD} min-w-0 space-y-3`} aria-labelledby="create-room">
      <h2 id="create-room" className="text-lg font-semibold">
        Create a room
      </h2>
      <form onSubmit={onSubmit} className="space-y-3" data-testid="create-room-form">
        <label className="block space-y-1 text-sm">
          <span>Title</span>
          <input
            data-testid="room-title-input"
            required
            maxLength={80}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            className={FIELD}
          />
        </label>
        <label className="block space-y-1 text-sm">
          <span>Scenario</span>
          <select
            data-testid="room-scenario-select"
            value={scenarioId}
            onChange={(event) => setScenarioId(event.target.value)}
            className={FIELD}
          >
            <option value={PER_ROUND}>Choose per round</option>
            {scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {scenario.title}
              </option>
            ))}
          </select>
        </label>
        <div className="flex flex-wrap items-center gap-4">
          <LevelSelect value={level} onChange={setLevel} />
          <label className="flex items-center gap-2 text-sm">
            <span>Minutes per round</span>
            <input
              data-testid="room-minutes"
              type="number"
              required
              min={10}
              max={120}
              step={5}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
              className="w-20 rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
            />
          </label>
        </div>
        <DisplayNameField value={displayName} onChange={setDisplayName} testId="room-display-name" />
        {error && <ErrorNotice message={error} testId="room-error" />}
        <button type="submit" data-testid="room-create" disabled={busy} className={PRIMARY_BUTTON}>
          {busy ? "Creating…" : "Create room"}
        </button>
      </form>
    </section>
  );
}
