import type { DiagramFinding, DiagramFindingKind, DiagramText } from "@/lib/diagram/types";
import type { DiagramCheckContext } from "./context";
import { checkCountsNotNarrowing } from "./counts-not-narrowing";
import { checkLatencyOverBudget } from "./latency-over-budget";
import { checkMissingComponents } from "./missing-component";
import { checkNumberMismatch } from "./number-mismatch";
import { checkUnexplainedComponents } from "./unexplained-component";

export type { DiagramCheckContext } from "./context";
export { diagramCheckContext, resolveLatencyBudget } from "./context";

/**
 * Most important first: a missing stage or a broken budget changes the design; a contradicted
 * number or a widening funnel is a slip; an unexplained box is a prompt to talk.
 */
const IMPORTANCE: DiagramFindingKind[] = [
  "missing-component",
  "latency-over-budget",
  "number-mismatch",
  "counts-not-narrowing",
  "unexplained-component",
];

/** Every rule check over a diagram, ordered by importance, one finding per key. */
export function runDiagramChecks(diagram: DiagramText, context: DiagramCheckContext): DiagramFinding[] {
  const all = [
    ...checkMissingComponents(diagram, context),
    ...checkLatencyOverBudget(diagram, context),
    ...checkNumberMismatch(diagram, context),
    ...checkCountsNotNarrowing(diagram, context),
    ...checkUnexplainedComponents(diagram, context),
  ];
  const seen = new Set<string>();
  return all
    .filter((f) => !seen.has(f.key) && seen.add(f.key))
    .sort((a, b) => IMPORTANCE.indexOf(a.kind) - IMPORTANCE.indexOf(b.kind));
}
