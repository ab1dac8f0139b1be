/**
 * Mermaid in and out of the canvas. Imported on demand (when a flowchart is pasted or exported),
 * not with the page: reading a label's numbers loads Microsoft's number recognizer, about 1.2 MB.
 */
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { readScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { toMermaid } from "@/lib/diagram/mermaid/emit";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { DiagramParseError } from "@/lib/diagram/types";
import type { CanvasElement } from "./canvas-handle";

/**
 * The elements a pasted flowchart draws, or the sentence saying why it cannot be read (with its
 * line number when the parser knows it). Over MAX_MERMAID_CHARS parseMermaid refuses with its own
 * sentence before reading anything.
 */
export function mermaidToElements(source: string): { elements: readonly unknown[] } | { error: string } {
  try {
    const diagram = parseMermaid(source);
    if (diagram.nodes.length === 0) return { error: "The flowchart has no nodes, so there is nothing to draw." };
    return { elements: diagramToScene(diagram).elements };
  } catch (error) {
    if (error instanceof DiagramParseError) return { error: error.message };
    throw error;
  }
}

/** The canvas as a Mermaid flowchart, read the way the interviewer reads it. */
export function elementsToMermaid(elements: readonly CanvasElement[]): string {
  return toMermaid(sceneToDiagram(readScene({ elements: elements.filter((e) => !e.isDeleted) })));
}
