/**
 * The candidate's diagram in the Markdown export: the drawing as an inline SVG image (so the file
 * stands alone), then the same diagram as a Mermaid block, which reads as text anywhere and renders
 * where Markdown viewers support Mermaid.
 */
import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { toMermaid } from "@/lib/diagram/mermaid/emit";
import { svgDataUri } from "@/lib/diagram/render/data-uri";
import { diagramSummary } from "@/lib/diagram/render/summary";

/** The diagram as Mermaid flowchart source. */
export function sceneMermaid(scene: ExcalidrawScene): string {
  return toMermaid(sceneToDiagram(scene));
}

/** Image alt text ends at `]` and breaks at a newline, so both (and the escape itself) are neutralised. */
function altText(text: string): string {
  return text.replace(/\s+/g, " ").replace(/[\\[\]]/g, "\\$&");
}

/** A code fence longer than any run of backticks in `code`, so no label can close it. */
function fenced(code: string, info: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${code.replace(/\n$/, "")}\n${fence}`;
}

/** The "## Diagram" blocks of the Markdown export. */
export function diagramBlocks(scene: ExcalidrawScene): string[] {
  return [
    "## Diagram",
    `![${altText(diagramSummary(scene))}](${svgDataUri(scene)})`,
    fenced(sceneMermaid(scene), "mermaid"),
  ];
}
