"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ErrorNotice } from "@/components/error-notice";
import { InterviewClock } from "@/components/interview-clock";
import { ScoreReportView } from "@/components/score-report";
import { StepTracker } from "@/components/step-tracker";
import type { StepId } from "@/lib/framework";
import type { RoundView } from "@/lib/rooms/types";
import type { Turn } from "@/lib/types";
import { InterviewerPanel } from "./interviewer-panel";
import { NotesBox } from "./notes-box";
import { PeerReportView } from "./peer-report";
import { RemovedNotice } from "./removed-notice";
import { RoundAnnouncer } from "./round-announcer";
import { RoundComposer } from "./round-composer";
import { RoundTranscript } from "./round-transcript";
import { ScoreSheet } from "./score-sheet";
import { SeatBadge } from "./seat-badge";
import { BUTTON } from "./styles";
import { useRoomEvents } from "./use-room-events";
import { useRoundView } from "./use-round-view";

/**
 * One round of a study room, live for everyone in it: the transcript with comments, the composer
 * of whoever speaks (the candidate; a member interviewer too), the interviewer's panel, the peer
 * score sheet, private notes, and once it ends the AI's report and the peer comparison.
 */
export function RoundRoom({
  initialView,
  roomEventSeq,
  canEnd,
  rubricTitles,
}: {
  initialView: RoundView;
  /** The room's latest event when the page was read: the room stream starts after it. */
  roomEventSeq: number;
  /** The host may end a round too; the round's view does not say who hosts. */
  canEnd: boolean;
  rubricTitles: Record<string, string>;
}) {
  const { view, setView, show, live, removed, checkProgress, base, refresh } = useRoundView(initialView);
  const [pending, setPending] = useState<Turn | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = view.status === "running";
  // The host may end the round from the lobby, or remove a member: the room's stream tells.
  useRoomEvents(
    view.roomId,
    roomEventSeq,
    running && !removed,
    () => void refresh(),
    () => undefined,
  );
  const speaks = running && (view.seat === "candidate" || (view.seat === "interviewer" && view.interviewer !== null));

  /** Runs one request that answers with the round; false (and the error shown) when it failed. */
  async function act(request: () => Promise<RoundView>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      show(await request());
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Try again.");
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function send(content: string): Promise<boolean> {
    const role = view.seat === "candidate" ? "candidate" : "interviewer";
    const turn: Turn = { id: crypto.randomUUID(), role, step: view.interview.currentStep, content };
    setPending(turn);
    const sent = await act(() => apiFetch<RoundView>(`${base}/messages`, { body: { id: turn.id, content } }));
    setPending(null);
    return sent;
  }

  const moveTo = (step: StepId) =>
    void act(() => apiFetch<RoundView>(`${base}/step`, { method: "PUT", body: { step } }));
  const end = () => void act(() => apiFetch<RoundView>(`${base}/end`, { method: "POST" }));

  if (removed) return <RemovedNotice />;
  const interview = view.interview;
  const scorer = view.seat !== "candidate";

  return (
    <div className="grid min-w-0 gap-6 md:grid-cols-[240px_minmax(0,1fr)]">
      <aside className="min-w-0 space-y-4">
        <div className="space-y-1">
          <p className="text-sm">
            <Link href={`/rooms/${view.roomId}`} className="underline">
              {view.roomTitle}
            </Link>
          </p>
          <h1 className="text-lg font-semibold" data-testid="round-title">
            Round {view.number}: {interview.scenarioTitle}
          </h1>
          <p className="text-sm text-muted">
            Candidate {view.candidate.displayName} · interviewer {view.interviewer?.displayName ?? "AI"} · level{" "}
            {interview.level} · {running ? "running" : "ended"}
          </p>
          <SeatBadge seat={view.seat} />
        </div>
        {running && (
          <InterviewClock
            step={interview.currentStep}
            startedAt={interview.stepStartedAt}
            budgetMs={interview.stepBudgetsMs[interview.currentStep]}
          />
        )}
        <StepTracker current={interview.currentStep} completed={!running} coverage={interview.coverage} />
        {running && canEnd && (
          <button type="button" data-testid="end-round" disabled={busy} onClick={end} className={BUTTON}>
            End round
          </button>
        )}
      </aside>
      <section className="flex min-w-0 flex-col gap-4" aria-label="Round">
        <RoundTranscript
          view={view}
          pending={pending}
          live={live}
          checkProgress={checkProgress}
          base={base}
          onComment={(comment) => setView((current) => ({ ...current, comments: [...current.comments, comment] }))}
        />
        <RoundAnnouncer view={view} />
        {error && <ErrorNotice message={error} testId="room-error" />}
        {speaks && (
          <RoundComposer
            label={view.seat === "candidate" ? "Your answer" : "Your question to the candidate"}
            busy={busy}
            onSend={send}
          />
        )}
        {view.panel && running && (
          <InterviewerPanel
            panel={view.panel}
            currentStep={interview.currentStep}
            busy={busy}
            onSend={(text) => void send(text)}
            onNextStep={moveTo}
          />
        )}
        {scorer && running && (
          <ScoreSheet
            view={view}
            base={base}
            onSaved={(myScores) => setView((current) => ({ ...current, myScores }))}
          />
        )}
        {!running && (
          <div className="space-y-6" data-testid="round-ended">
            <p className="font-medium">This round has ended.</p>
            {view.peerReport && <PeerReportView report={view.peerReport} />}
            {interview.report && <ScoreReportView report={interview.report} rubricTitles={rubricTitles} />}
          </div>
        )}
        <NotesBox
          base={base}
          notes={view.myNotes}
          newestMessageId={interview.turns.at(-1)?.id ?? null}
          onSaved={(note) => setView((current) => ({ ...current, myNotes: [...current.myNotes, note] }))}
        />
      </section>
    </div>
  );
}
