import { diagramCheckContext, runDiagramChecks } from "@/lib/diagram/checks";
import { describeDiagram } from "@/lib/diagram/text-form";
import type { DiagramFinding } from "@/lib/diagram/types";
import { logger } from "@/lib/logger";
import type { Scenario } from "@/lib/scenarios/schema";
import type { InterviewerDependencies } from "../../dependencies";

export interface DiagramReading {
  /** The diagram as text, or null when there is none (or it could not be read this turn). */
  description: string | null;
  /** The rule checks' findings against the scenario and the conversation so far, most important first. */
  findings: DiagramFinding[];
  /** Whether reading failed: the last description is kept rather than wiped. */
  failed: boolean;
}

/**
 * Reads the interview's diagram at a candidate message and checks it against the conversation
 * including that message. A failure to read it never costs the candidate their turn: the turn goes
 * on without a diagram point, and the failure is logged.
 */
export async function readDiagram(
  deps: InterviewerDependencies,
  interviewId: string,
  scenario: Scenario,
  conversation: Array<{ role: string; content: string }>,
): Promise<DiagramReading> {
  if (!deps.readDiagram) return { description: null, findings: [], failed: false };
  try {
    const diagram = await deps.readDiagram(interviewId);
    if (!diagram || diagram.nodes.length === 0) return { description: null, findings: [], failed: false };
    return {
      description: describeDiagram(diagram),
      findings: runDiagramChecks(diagram, diagramCheckContext(scenario, conversation)),
      failed: false,
    };
  } catch (error) {
    logger.warn(`reading the diagram of ${interviewId} failed: ${(error as Error).message}`);
    return { description: null, findings: [], failed: true };
  }
}
