"use client";

import { type FormEvent, type Ref, useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import type { RoomView, RoundView } from "@/lib/rooms/types";
import { CARD, FIELD, PRIMARY_BUTTON } from "./styles";

/** The select's value for "the AI interviews". */
const AI = "";

/** Seats rotate: the member after the last round's candidate is offered next. */
function nextCandidate(room: RoomView): string {
  const last = room.rounds[0]?.candidate.userId;
  const index = room.members.findIndex((m) => m.userId === last);
  return room.members[(index + 1) % room.members.length]?.userId ?? room.viewerId;
}

/**
 * The host starts a round: who is the candidate, who interviews (the AI or a member), and the
 * scenario when the room leaves it to each round. The candidate select takes the ref, so the
 * lobby's "Start a round" button can bring focus here.
 */
export function StartRoundForm({
  room,
  scenarios,
  candidateRef,
  onStarted,
  onError,
}: {
  room: RoomView;
  scenarios: Array<{ id: string; title: string }>;
  candidateRef: Ref<HTMLSelectElement>;
  onStarted: (round: RoundView) => void;
  onError: (message: string | null) => void;
}) {
  const [chosenCandidate, setCandidateId] = useState(() => nextCandidate(room));
  const [chosenInterviewer, setInterviewerId] = useState(AI);
  // A member chosen here may leave or be removed meanwhile: the choice falls back, never dangles.
  const present = (id: string) => room.members.some((m) => m.userId === id);
  const candidateId = present(chosenCandidate) ? chosenCandidate : nextCandidate(room);
  const interviewerId = present(chosenInterviewer) && chosenInterviewer !== candidateId ? chosenInterviewer : AI;
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const perRound = room.scenarioId === null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    onError(null);
    try {
      const round = await apiFetch<RoundView>(`/api/rooms/${room.id}/rounds`, {
        body: {
          candidateId,
          interviewerId: interviewerId === AI ? null : interviewerId,
          ...(perRound ? { scenarioId } : {}),
        },
      });
      onStarted(round);
    } catch (caught) {
      onError(caught instanceof ApiError ? caught.message : "The round could not be started.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`${CARD} min-w-0 space-y-3`} aria-labelledby="start-round-heading" id="start-round-form">
      <h2 id="start-round-heading" className="text-lg font-semibold">
        Start a round
      </h2>
      <form onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2">
        <label className="block min-w-0 space-y-1 text-sm">
          <span>Candidate</span>
          <select
            ref={candidateRef}
            data-testid="round-candidate-select"
            value={candidateId}
            onChange={(event) => {
              setCandidateId(event.target.value);
            }}
            className={FIELD}
          >
            {room.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
                {m.userId === room.viewerId ? " (you)" : ""}
              </option>
            ))}
          </select>
        </label>
        <label className="block min-w-0 space-y-1 text-sm">
          <span>Interviewer</span>
          <select
            data-testid="round-interviewer-select"
            value={interviewerId}
            onChange={(event) => setInterviewerId(event.target.value)}
            className={FIELD}
          >
            <option value={AI}>AI</option>
            {room.members
              .filter((m) => m.userId !== candidateId)
              .map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.displayName}
                  {m.userId === room.viewerId ? " (you)" : ""}
                </option>
              ))}
          </select>
        </label>
        {perRound && (
          <label className="block min-w-0 space-y-1 text-sm sm:col-span-2">
            <span>Scenario</span>
            <select
              data-testid="round-scenario-select"
              value={scenarioId}
              onChange={(event) => setScenarioId(event.target.value)}
              className={FIELD}
            >
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <p className="text-xs text-muted sm:col-span-2">Everyone else in the room watches and scores.</p>
        <div className="sm:col-span-2">
          <button type="submit" data-testid="round-start-submit" disabled={busy} className={PRIMARY_BUTTON}>
            {busy ? "Starting…" : "Start round"}
          </button>
        </div>
      </form>
    </section>
  );
}
