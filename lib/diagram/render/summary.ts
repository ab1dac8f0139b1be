/**
 * A one-sentence description of a drawing for alt text: what a screen reader announces in place
 * of the image, and what an export shows where the image cannot be displayed.
 */
import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";

const MAX_NAMED = 12;
const MAX_LABEL_CHARS = 40;

/** "Diagram: 3 components: Retrieval, Ranking, Feature store" (the first few named). */
export function diagramSummary(scene: ExcalidrawScene): string {
  const shapes = sceneToDiagram(scene).nodes.filter((node) => node.kind !== "note");
  if (shapes.length === 0) return "Diagram: no components";
  const names = shapes.slice(0, MAX_NAMED).map((node) => {
    const label = node.label.replace(/\s+/g, " ").trim() || `unlabelled ${node.kind}`;
    return label.length > MAX_LABEL_CHARS ? `${label.slice(0, MAX_LABEL_CHARS - 1)}…` : label;
  });
  const more = shapes.length - names.length;
  const noun = shapes.length === 1 ? "component" : "components";
  return `Diagram: ${shapes.length} ${noun}: ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
