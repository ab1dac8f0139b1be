import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import type { StepId } from "@/lib/framework";
import type { RubricItem } from "@/lib/scenarios/schema";
import { type AssessOptions, assessStep, type ItemDecision, MENTION_CREDIT } from "./assess-step";
import type { Sentence } from "./sentences";

/** The turn index diagram labels carry: no turn of the transcript said them. */
export const DIAGRAM_TURN = -1;
/** How a diagram label is quoted as evidence in a report ("diagram: Ranking: multi-task DNN"). */
export const DIAGRAM_QUOTE_PREFIX = "diagram: ";
/** A label longer than this is a paragraph pasted onto the canvas, not a component's name. */
const MAX_LABEL_CHARS = 160;

/**
 * Steps whose rubric a drawing can show: the stages of the system, the models in them, how they
 * are served and watched. Requirements, data labelling and evaluation method are said, not drawn;
 * in a probe on a typical funnel diagram, labels there earned items they do not make (a
 * "Training from logs" box read as avoiding leakage), so those steps take no credit from boxes.
 */
const DRAWN_STEPS: ReadonlySet<StepId> = new Set([
  "frame-problem",
  "model-development",
  "deployment-serving",
  "monitoring",
]);

/** The labels of a Mermaid diagram as sentences the evidence model reads: nodes first, then arrows. */
export function diagramSentences(mermaid: string | undefined): Sentence[] {
  if (!mermaid?.trim()) return [];
  const diagram = parseMermaid(mermaid);
  const labels = [...diagram.nodes.map((n) => n.label), ...diagram.edges.map((e) => e.label)]
    .map((label) => label.replace(/\s+/g, " ").trim())
    .filter((label) => label.length > 0 && label.length <= MAX_LABEL_CHARS);
  return [...new Set(labels)].map((text, start) => ({ turn: DIAGRAM_TURN, start, text }));
}

/**
 * Lets the diagram earn what the conversation did not: an item with no credit and no mistake
 * takes the credit of the label that makes its point, at most a mention's (a box names a
 * component; the reasons and numbers that earn full credit are said in the interview).
 */
export function withDiagramCredit(
  step: StepId,
  items: RubricItem[],
  decisions: ItemDecision[],
  labels: Sentence[],
  options: Pick<AssessOptions, "interviewer">,
): ItemDecision[] {
  if (labels.length === 0 || !DRAWN_STEPS.has(step)) return decisions;
  const fromDiagram = assessStep(items, labels, options);
  return decisions.map((decision, i) => {
    const drawn = fromDiagram[i];
    if (decision.credit > 0 || decision.mistake || !drawn?.earned || drawn.mistake) return decision;
    return { ...drawn, credit: Math.min(drawn.credit, MENTION_CREDIT), fromDiagram: true };
  });
}
