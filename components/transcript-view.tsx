import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { STEP_TITLES } from "@/lib/framework";
import type { InterviewView } from "@/lib/types";
import { DiagramImage } from "./diagram-image";
import { MessageBubble } from "./message-bubble";
import { ScoreReportView } from "./score-report";

/** A read-only scored transcript: the report, the diagram if one was drawn, then every turn with the quotes it earned marked. */
export function TranscriptView({
  view,
  rubricTitles,
  diagram = null,
}: {
  view: InterviewView;
  rubricTitles: Record<string, string>;
  diagram?: ExcalidrawScene | null;
}) {
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
      {diagram?.elements.some((el) => !el.isDeleted) && (
        // id="diagram": a report credit earned by a diagram label links here.
        <section
          id="diagram"
          className="min-w-0 space-y-3"
          aria-labelledby="diagram-heading"
          data-testid="transcript-diagram"
        >
          <h2 id="diagram-heading" className="text-xl font-semibold">
            Diagram
          </h2>
          <DiagramImage scene={diagram} title={`Diagram: ${view.scenarioTitle}`} />
        </section>
      )}
      <h2 className="text-xl font-semibold">Transcript</h2>
      <ol className="flex flex-col gap-4" data-testid="transcript">
        {view.turns.map((turn, index) => (
          <MessageBubble key={turn.id} turn={turn} anchor={`turn-${index}`} highlights={quotesByTurn.get(index)} />
        ))}
      </ol>
    </article>
  );
}
