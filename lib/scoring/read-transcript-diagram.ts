import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { DiagramParseError } from "@/lib/diagram/types";

/**
 * The sentence for a transcript whose `diagram` is not a Mermaid flowchart, or null when it reads
 * (or there is none). Boundaries call it before scoring, so a bad diagram is refused with its line
 * instead of failing inside the scorer.
 */
export function transcriptDiagramProblem(diagram: string | undefined): string | null {
  if (!diagram) return null;
  try {
    parseMermaid(diagram);
    return null;
  } catch (error) {
    if (error instanceof DiagramParseError)
      return `The transcript's diagram is not a Mermaid flowchart: ${error.message}`;
    throw error;
  }
}
