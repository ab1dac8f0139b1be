import { diagramCheckContext, runDiagramChecks } from "@/lib/diagram/checks";
import { mergeModelFindings } from "@/lib/diagram/merge-findings";
import { describeDiagram } from "@/lib/diagram/text-form";
import type { DiagramFinding } from "@/lib/diagram/types";
import type { StepId } from "@/lib/framework";
import { logger } from "@/lib/logger";
import type { Scenario } from "@/lib/scenarios/schema";
import type { InterviewerDependencies } from "../../dependencies";

/** How many of the candidate's latest messages a model reviewing the diagram sees. */
const MESSAGES_FOR_REVIEW = 6;

export interface DiagramReading {
  /** The diagram as text, or null when there is none (or it could not be read this turn). */
  description: string | null;
  /** The rule checks' findings, then the model's verified ones, most important first. */
  findings: DiagramFinding[];
  /** The model's verified findings on this diagram, kept until the diagram changes. */
  proposals: DiagramFinding[];
  /** Whether reading failed: the last description is kept rather than wiped. */
  failed: boolean;
}

export interface DiagramReadingInput {
  interviewId: string;
  scenario: Scenario;
  step: StepId;
  /** The conversation including the message being read. */
  conversation: Array<{ role: string; content: string }>;
  /** The description and model proposals of the last reading, so an unchanged diagram is not reviewed again. */
  previous: { description: string | null; proposals: DiagramFinding[] };
}

/**
 * Reads the interview's diagram at a candidate message and checks it against the conversation
 * including that message: the rule checks always, and with a model a review too whenever the
 * diagram changed, merged by code. A failure to read it never costs the candidate their turn: the
 * turn goes on without a diagram point, and the failure is logged; a failed review leaves the rules.
 */
export async function readDiagram(deps: InterviewerDependencies, input: DiagramReadingInput): Promise<DiagramReading> {
  const none = { description: null, findings: [], proposals: [], failed: false };
  if (!deps.readDiagram) return none;
  let diagram: Awaited<ReturnType<NonNullable<InterviewerDependencies["readDiagram"]>>>;
  try {
    diagram = await deps.readDiagram(input.interviewId);
  } catch (error) {
    logger.warn(`reading the diagram of ${input.interviewId} failed: ${(error as Error).message}`);
    return { ...none, failed: true };
  }
  if (!diagram || diagram.nodes.length === 0) return none;
  const description = describeDiagram(diagram);
  const rules = runDiagramChecks(diagram, diagramCheckContext(input.scenario, input.conversation));
  const design = input.scenario.referenceDesign ?? [];
  let proposals = input.previous.description === description ? input.previous.proposals : [];
  if (deps.reviewDiagram && input.previous.description !== description) {
    try {
      const proposed = await deps.reviewDiagram({
        scenarioTitle: input.scenario.title,
        step: input.step,
        diagram: description,
        components: design.map((c) => ({ id: c.id, role: c.role })),
        candidateSaid: input.conversation
          .filter((t) => t.role === "candidate")
          .slice(-MESSAGES_FOR_REVIEW)
          .map((t) => t.content),
      });
      const ruleKeys = new Set(rules.map((f) => f.key));
      proposals = mergeModelFindings(
        rules,
        proposed,
        diagram,
        design.map((c) => c.id),
      ).filter((f) => !ruleKeys.has(f.key));
    } catch (error) {
      logger.warn(`the model's review of the diagram of ${input.interviewId} failed: ${(error as Error).message}`);
    }
  }
  const ruleKeys = new Set(rules.map((f) => f.key));
  return {
    description,
    findings: [...rules, ...proposals.filter((p) => !ruleKeys.has(p.key))],
    proposals,
    failed: false,
  };
}
