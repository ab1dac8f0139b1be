"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { InterviewView, Turn } from "@/lib/types";
import { ErrorNotice } from "./error-notice";
import { InterviewActions } from "./interview-actions";
import { InterviewClock } from "./interview-clock";
import { MessageBubble } from "./message-bubble";
import { PassageSearch } from "./passage-search";
import { ScoreReportView } from "./score-report";
import { sendMessage } from "./send-message";
import { StepTracker } from "./step-tracker";

/** The live interview: transcript, composer, step tracker, and the download once it ends. */
export function InterviewChat({
  initialView,
  rubricTitles,
}: {
  initialView: InterviewView;
  rubricTitles: Record<string, string>;
}) {
  const [view, setView] = useState(initialView);
  const [draft, setDraft] = useState("");
  const [pending, setPending] = useState<Turn | null>(null);
  const [streaming, setStreaming] = useState("");
  const [error, setError] = useState<string | null>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const completed = view.status === "completed";

  const turnCount = view.turns.length + (pending ? 1 : 0) + (streaming ? 1 : 0);
  useEffect(() => {
    // Scroll whenever a turn is added; the count is the trigger, not an input.
    if (turnCount > 0) endRef.current?.scrollIntoView({ block: "end" });
  }, [turnCount]);

  async function send(content: string) {
    const text = content.trim();
    if (!text || pending) return;
    const turn: Turn = { id: crypto.randomUUID(), role: "candidate", step: view.currentStep, content: text };
    setPending(turn);
    setError(null);
    setDraft("");
    setStreaming("");
    try {
      const next = await sendMessage(
        view.id,
        { id: turn.id, content: text },
        { onToken: (token) => setStreaming((current) => current + token), onReset: () => setStreaming("") },
      );
      setView(next);
    } catch (caught) {
      // The draft comes back so nothing typed is lost; the server stored it if it got that far.
      setDraft(text);
      setError((caught as Error).message);
    } finally {
      setPending(null);
      setStreaming("");
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void send(draft);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send(draft);
    }
  }

  const quotesByTurn = new Map<number, string[]>();
  for (const step of view.report?.steps ?? []) {
    for (const c of step.covered) quotesByTurn.set(c.turn, [...(quotesByTurn.get(c.turn) ?? []), c.quote]);
  }
  const lastInterviewer = [...view.turns].reverse().find((t) => t.role === "interviewer");

  return (
    <div className="grid gap-6 md:grid-cols-[220px_1fr]">
      <aside className="space-y-4">
        <div>
          <h1 className="text-lg font-semibold" data-testid="interview-title">
            {view.scenarioTitle}
          </h1>
          <p className="text-sm text-zinc-500">Level: {view.level}</p>
        </div>
        {!completed && (
          <InterviewClock
            step={view.currentStep}
            startedAt={view.stepStartedAt}
            budgetMs={view.stepBudgetsMs[view.currentStep]}
          />
        )}
        <StepTracker current={view.currentStep} completed={completed} coverage={view.coverage} />
        <PassageSearch scenarioId={view.scenarioId} compact />
      </aside>
      <section className="flex min-h-[60vh] flex-col gap-4" aria-label="Interview">
        <ol className="flex flex-col gap-4" data-testid="transcript" aria-live="polite" aria-relevant="additions">
          {view.turns.map((turn, index) => (
            <MessageBubble key={turn.id} turn={turn} anchor={`turn-${index}`} highlights={quotesByTurn.get(index)} />
          ))}
          {pending && <MessageBubble turn={pending} pending />}
          {streaming && (
            <MessageBubble
              turn={{ id: "streaming", role: "interviewer", step: view.currentStep, content: streaming }}
              pending
            />
          )}
        </ol>
        <div ref={endRef} />
        <p className="sr-only" aria-live="assertive">
          {lastInterviewer ? `Interviewer: ${lastInterviewer.content}` : ""}
        </p>
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
          <form onSubmit={onSubmit} className="sticky bottom-0 flex flex-col gap-2 bg-white pt-2 dark:bg-zinc-950">
            <label htmlFor="composer" className="sr-only">
              Your answer
            </label>
            <textarea
              id="composer"
              data-testid="composer"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
              rows={4}
              placeholder="Answer, ask for a fact, or type “hint” or “next”. Enter sends, Shift+Enter adds a line."
              className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <div className="flex gap-2">
              <button
                type="submit"
                data-testid="send"
                disabled={!draft.trim() || pending !== null}
                className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 disabled:opacity-50"
              >
                {pending ? "Sending…" : "Send"}
              </button>
              <button
                type="button"
                data-testid="hint"
                disabled={pending !== null}
                onClick={() => void send("hint")}
                className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
              >
                Hint
              </button>
              <button
                type="button"
                data-testid="end-interview"
                disabled={pending !== null}
                onClick={() => void send("end interview")}
                className="ml-auto rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
              >
                End interview
              </button>
              <button
                type="button"
                data-testid="next-step"
                disabled={pending !== null}
                onClick={() => void send("next")}
                className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
              >
                Next step
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
