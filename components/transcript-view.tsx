import { STEP_TITLES } from "@/lib/framework";
import type { InterviewView } from "@/lib/types";
import { MessageBubble } from "./message-bubble";
import { ScoreReportView } from "./score-report";

/** A read-only scored transcript: the report, then every turn with the quotes it earned marked. */
export function TranscriptView({ view, rubricTitles }: { view: InterviewView; rubricTitles: Record<string, string> }) {
  const quotesByTurn = new Map<number, string[]>();
  for (const step of view.report?.steps ?? []) {
    for (const c of step.covered) quotesByTurn.set(c.turn, [...(quotesByTurn.get(c.turn) ?? []), c.quote]);
  }
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold" data-testid="interview-title">
          {view.scenarioTitle}
        </h1>
        <p className="text-sm text-muted">
          Level: {view.level}
          {view.drillStep && ` · drill on ${STEP_TITLES[view.drillStep]}`} ·{" "}
          {new Date(view.createdAt).toLocaleDateString("en-GB")}
        </p>
      </header>
      {view.report && <ScoreReportView report={view.report} rubricTitles={rubricTitles} />}
      <h2 className="text-xl font-semibold">Transcript</h2>
      <ol className="flex flex-col gap-4" data-testid="transcript">
        {view.turns.map((turn, index) => (
          <MessageBubble key={turn.id} turn={turn} anchor={`turn-${index}`} highlights={quotesByTurn.get(index)} />
        ))}
      </ol>
    </article>
  );
}
