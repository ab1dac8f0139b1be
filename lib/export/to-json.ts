import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { MAX_MERMAID_CHARS } from "@/lib/diagram/types";
import { toTranscriptDocument } from "@/lib/interview/transcript";
import type { InterviewView } from "@/lib/types";
import { sceneMermaid } from "./diagram-section";

/**
 * The interview in the interchange format (docs/transcript-format.md), so it can be re-imported or re-scored, with the
 * score report alongside (the format allows extra fields, and readers ignore them). A diagram goes in the format's own
 * optional `diagram` field as Mermaid, so re-scoring the file credits its labels, and as the Excalidraw scene in
 * `diagramScene`, to open again on a canvas. Both are left out when nothing was drawn, as the format's readers expect.
 */
export function exportJson({
  view,
  diagram = null,
}: {
  view: InterviewView;
  diagram?: ExcalidrawScene | null;
}): string {
  const mermaid = diagram ? sceneMermaid(diagram) : "";
  const drawn = diagram
    ? {
        // Past the format's limit the text would make the file unreadable, so only the scene is kept.
        ...(mermaid.length <= MAX_MERMAID_CHARS ? { diagram: mermaid } : {}),
        diagramScene: diagram,
      }
    : {};
  return `${JSON.stringify({ ...toTranscriptDocument(view), report: view.report, ...drawn }, null, 2)}\n`;
}
