"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { STEP_TITLES } from "@/lib/framework";
import type { StreamEvent } from "@/lib/streams/stream-event";
import type { CheckCard, InterviewView, Turn } from "@/lib/types";
import { ChatComposer } from "./chat-composer";
import { DiagramPanel, type InitialDiagram } from "./diagram/diagram-panel";
import { PanelSwitch, type ShownPanel } from "./diagram/panel-switch";
import { ErrorNotice } from "./error-notice";
import { InterviewActions } from "./interview-actions";
import { InterviewClock } from "./interview-clock";
import { LedgerPanel } from "./ledger-panel";
import { MessageBubble } from "./message-bubble";
import { PassageSearch } from "./passage-search";
import { useComposerHeight, useRevealNewest } from "./reveal-newest";
import { ScoreReportView } from "./score-report";
import { sendMessage } from "./send-message";
import { StepTracker } from "./step-tracker";
import { useInterviewEvents } from "./use-interview-events";
import { usePendingChecks } from "./use-pending-checks";

function withCheck(view: InterviewView, turnId: string, card: CheckCard): InterviewView {
  return { ...view, turns: view.turns.map((turn) => (turn.id === turnId ? { ...turn, check: card } : turn)) };
}

function withTurn(view: InterviewView, turn: Turn): InterviewView {
  return view.turns.some((t) => t.id === turn.id) ? view : { ...view, turns: [...view.turns, turn] };
}

/**
 * The live interview: transcript, composer, step tracker, ledger, the download once it ends, and
 * the diagram canvas: beside the chat on a wide screen, behind a Chat / Diagram switch below that.
 */
export function InterviewChat({
  initialView,
  rubricTitles,
  initialDiagram,
}: {
  initialView: InterviewView;
  rubricTitles: Record<string, string>;
  initialDiagram: InitialDiagram | null;
}) {
  const [view, setView] = useState(initialView);
  const [shown, setShown] = useState<ShownPanel>("chat");
  const [repliesSeen, setRepliesSeen] = useState(0);
  // An interview that had ended when the page loaded shows a diagram only if one was drawn.
  const [hasDiagram] = useState(
    () => initialView.status !== "completed" || (initialDiagram?.scene?.elements.length ?? 0) > 0,
  );
  // Below the wide breakpoint only the chosen panel shows; from it on, both (the switch is hidden).
  const chatClass = hasDiagram && shown === "diagram" ? "max-lg:hidden" : "";
  // A link to #diagram (a report credit earned by a diagram label) shows the diagram on a phone too.
  useEffect(() => {
    const follow = () => {
      if (window.location.hash === "#diagram") setShown("diagram");
    };
    follow();
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  const [draft, setDraft] = useState("");
  const [pending, setPending] = useState<Turn | null>(null);
  const [streaming, setStreaming] = useState("");
  // Replies whose streams are still open (they may yet deliver check cards); polling waits for them.
  const [openStreams, setOpenStreams] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // How each pending check is getting on, by turn id, from the reply stream.
  const [checkProgress, setCheckProgress] = useState<Record<string, string>>({});
  const section = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const composer = useRef<HTMLFormElement>(null);
  const completed = view.status === "completed";
  // While this tab sends, its own reply stream shows the turn; the watch fills in the rest.
  const sending = useRef(false);
  // The latest event the shown view already holds: events up to it are not applied again.
  const known = useRef(initialView.eventSeq);
  const show = useCallback((next: InterviewView) => {
    known.current = Math.max(known.current, next.eventSeq);
    setView(next);
  }, []);

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/interviews/${initialView.id}`, { cache: "no-store" });
    if (response.ok && !sending.current) show((await response.json()) as InterviewView);
  }, [initialView.id, show]);

  // What happens in this interview elsewhere (another tab, another server) shows up here live.
  useInterviewEvents(initialView.id, initialView.eventSeq, !completed, (event: StreamEvent, seq: number) => {
    if (seq <= known.current) return;
    if (event.type === "check") setView((current) => withCheck(current, event.turnId, event.card));
    else if (event.type === "check-progress")
      setCheckProgress((current) => ({ ...current, [event.turnId]: event.message }));
    if (sending.current) return;
    if (event.type === "token") setStreaming((current) => current + event.token);
    else if (event.type === "reset") setStreaming("");
    else if (event.type === "message") {
      setView((current) => withTurn(current, event.turn));
      if (event.turn.role === "interviewer") {
        setStreaming("");
        // The sidebar (step, clock, scores, ledger) follows the reply.
        void refresh().catch(() => undefined);
      }
    } else if (event.type === "step" || event.type === "report") void refresh().catch(() => undefined);
  });

  const checksTimedOut = usePendingChecks(view, show, pending !== null || openStreams > 0);
  const last = view.turns.at(-1);
  useRevealNewest(
    `${view.turns.length}:${pending?.id ?? ""}:${streaming.length}:${last?.check?.status ?? ""}`,
    list,
    composer,
  );
  useComposerHeight(section, composer);

  async function send(content: string) {
    const text = content.trim();
    if (!text || pending) return;
    const turn: Turn = { id: crypto.randomUUID(), role: "candidate", step: view.currentStep, content: text };
    setPending(turn);
    sending.current = true;
    setError(null);
    setDraft("");
    setStreaming("");
    setOpenStreams((n) => n + 1);
    try {
      const next = await sendMessage(
        view.id,
        { id: turn.id, content: text },
        {
          onToken: (token) => setStreaming((current) => current + token),
          onReset: () => setStreaming(""),
          onCheck: (turnId, card) => setView((current) => withCheck(current, turnId, card)),
          onCheckProgress: (turnId, message) => setCheckProgress((current) => ({ ...current, [turnId]: message })),
          onStreamEnd: () => setOpenStreams((n) => n - 1),
        },
      );
      show(next);
    } catch (caught) {
      // The draft comes back so nothing typed is lost; the server stored it if it got that far.
      setDraft(text);
      setError((caught as Error).message);
      setOpenStreams((n) => n - 1);
    } finally {
      sending.current = false;
      setPending(null);
      setStreaming("");
    }
  }

  const quotesByTurn = new Map<number, string[]>();
  for (const step of view.report?.steps ?? []) {
    for (const c of step.covered) quotesByTurn.set(c.turn, [...(quotesByTurn.get(c.turn) ?? []), c.quote]);
  }
  const lastInterviewer = view.turns.findLast((t) => t.role === "interviewer");
  const lastCheck = lastInterviewer?.check?.status !== "pending" ? lastInterviewer?.check : undefined;
  // Replies that arrived while a phone showed the diagram: the Chat button says there is news.
  const replies = view.turns.filter((turn) => turn.role === "interviewer").length;
  if (shown === "chat" && repliesSeen !== replies) setRepliesSeen(replies);
  const unseenReplies = shown === "diagram" && replies > repliesSeen;

  return (
    <div
      // data-wide lets the page's main column grow on wide screens, so the canvas is not squeezed.
      data-wide={hasDiagram ? "" : undefined}
      className={`grid min-w-0 gap-6 md:grid-cols-[220px_minmax(0,1fr)] ${hasDiagram ? "lg:grid-cols-[220px_minmax(0,1fr)_minmax(0,1fr)]" : ""}`}
    >
      {hasDiagram && <PanelSwitch shown={shown} onShow={setShown} chatNews={unseenReplies} />}
      {/*
        The one live region: each finished reply is announced once, the streamed text never. It sits
        outside the chat panel so a reply is still announced while a phone shows the diagram.
      */}
      <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="reply-announcer">
        {lastInterviewer ? `Interviewer: ${lastInterviewer.content}` : ""}
        {lastCheck ? ` Check: ${lastCheck.headline}` : ""}
      </p>
      <aside className={`min-w-0 space-y-4 ${chatClass}`}>
        <div>
          <h1 className="text-lg font-semibold" data-testid="interview-title">
            {view.scenarioTitle}
          </h1>
          <p className="text-sm text-muted" data-testid="interview-meta">
            Level: {view.level}
            {view.drillStep && ` · drill on ${STEP_TITLES[view.drillStep]}`}
          </p>
        </div>
        {!completed && (
          <InterviewClock
            step={view.currentStep}
            startedAt={view.stepStartedAt}
            budgetMs={view.stepBudgetsMs[view.currentStep]}
          />
        )}
        <StepTracker
          current={view.currentStep}
          completed={completed}
          coverage={view.coverage}
          drillStep={view.drillStep}
        />
        <LedgerPanel entries={view.ledger ?? []} />
        <PassageSearch scenarioId={view.scenarioId} scenarioTitle={view.scenarioTitle} compact />
      </aside>
      <section
        ref={section}
        id="interview-chat"
        className={`flex min-h-[60vh] min-w-0 flex-col gap-4 ${chatClass}`}
        aria-label="Interview"
      >
        <ol ref={list} className="flex flex-col gap-4" data-testid="transcript">
          {view.turns.map((turn, index) => (
            <MessageBubble
              key={turn.id}
              turn={turn}
              anchor={`turn-${index}`}
              highlights={quotesByTurn.get(index)}
              checkProgress={checkProgress[turn.id]}
            />
          ))}
          {pending && <MessageBubble turn={pending} pending />}
          {streaming && (
            <MessageBubble
              turn={{ id: "streaming", role: "interviewer", step: view.currentStep, content: streaming }}
              pending
            />
          )}
        </ol>
        {checksTimedOut && (
          <p className="text-xs text-muted" data-testid="check-timeout">
            A check is still running; reload the page later to see its result.
          </p>
        )}
        {error && <ErrorNotice message={error} testId="chat-error" />}
        {completed ? (
          <div
            className="rounded-lg border border-emerald-300 p-4 dark:border-emerald-800"
            data-testid="interview-complete"
          >
            <p className="font-medium">Interview complete.</p>
            <div className="mt-2">
              <InterviewActions interviewId={view.id} />
            </div>
            {view.report && (
              <div className="mt-4">
                <ScoreReportView report={view.report} rubricTitles={rubricTitles} />
              </div>
            )}
          </div>
        ) : (
          <ChatComposer
            draft={draft}
            onDraft={setDraft}
            busy={pending !== null}
            onSend={(content) => void send(content)}
            formRef={composer}
          />
        )}
      </section>
      {hasDiagram && (
        // id="diagram": a report credit earned by a diagram label links here (report-step.tsx).
        <section
          id="diagram"
          aria-label="Diagram"
          className={`min-w-0 md:col-span-2 lg:sticky lg:top-4 lg:col-span-1 lg:self-start ${shown === "chat" ? "max-lg:hidden" : ""}`}
        >
          <DiagramPanel
            interviewId={view.id}
            initial={initialDiagram}
            readOnly={completed}
            shown={shown === "diagram"}
          />
        </section>
      )}
    </div>
  );
}
