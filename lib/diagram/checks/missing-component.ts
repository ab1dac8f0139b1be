import { matchReference } from "@/lib/diagram/reference/match";
import type { DiagramFinding, DiagramText } from "@/lib/diagram/types";
import type { DiagramCheckContext } from "./context";

/** A reference component no node or arrow label shows, asked about as a question. */
export function checkMissingComponents(diagram: DiagramText, context: DiagramCheckContext): DiagramFinding[] {
  // An empty canvas has nothing to check yet: asking about five missing parts at once helps no one.
  if (diagram.nodes.length === 0 || context.referenceDesign.length === 0) return [];
  const found = matchReference(diagram, context.referenceDesign);
  return context.referenceDesign
    .filter((component) => (found.get(component.id) ?? []).length === 0)
    .map((component) => ({
      kind: "missing-component" as const,
      message: `The diagram has no ${component.role}: ${component.question}`,
      key: `missing-component:${component.id}`,
      labels: [],
    }));
}
