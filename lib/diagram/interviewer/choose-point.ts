import type { DiagramFinding } from "@/lib/diagram/types";
import { STEP_IDS, type StepId } from "@/lib/framework";

/**
 * Which diagram point, if any, the interviewer raises this turn (issue 16): at most one a turn,
 * never one already raised, and never two turns running, so the diagram sharpens the interview
 * without taking it over. Pure: the graph node calls it with the findings of the rule checks.
 */
export interface PointInput {
  /** Every finding on the diagram now, most important first (runDiagramChecks' order). */
  findings: DiagramFinding[];
  /** Keys already raised in this interview. */
  raised: string[];
  step: StepId;
  /** Whether the interviewer's last turn was itself a diagram point. */
  lastWasDiagram: boolean;
}

/**
 * A missing component is only worth asking about once the candidate has reached the model: before
 * that, a half-drawn diagram lacks its ranker or its monitoring because the talk has not got
 * there yet, not because the design forgot it.
 */
const MISSING_FROM: StepId = "model-development";

export function chooseDiagramPoint(input: PointInput): DiagramFinding | null {
  if (input.lastWasDiagram) return null;
  const raised = new Set(input.raised);
  const reached = STEP_IDS.indexOf(input.step) >= STEP_IDS.indexOf(MISSING_FROM);
  return input.findings.find((f) => !raised.has(f.key) && (f.kind !== "missing-component" || reached)) ?? null;
}

/** The point as the interviewer says it: every finding's message already ends in its question. */
export function diagramQuestion(finding: DiagramFinding): string {
  const message = finding.message.trim();
  return `Looking at your diagram: ${message.endsWith("?") ? message : `${message} What would you change?`}`;
}

/** The id a diagram point leaves in `lastQuestionId`, so the next turn knows one was just asked. */
export const diagramQuestionId = (finding: DiagramFinding) => `diagram:${finding.key}`;
export const isDiagramQuestionId = (id: string | null) => id?.startsWith("diagram:") ?? false;
