import { z } from "zod";
import { DIAGRAM_FINDING_KINDS, type DiagramFinding, type DiagramText } from "@/lib/diagram/types";

/** The longest question a model may put to the candidate about their diagram. */
export const MAX_PROPOSED_QUESTION_CHARS = 300;

/** What a model proposes about a diagram (issue 16), before code verifies it. */
export const proposedFindingSchema = z.object({
  kind: z.enum(DIAGRAM_FINDING_KINDS),
  /** The node and arrow labels it is about, copied from the diagram. */
  labels: z.array(z.string()).max(8),
  /** For a missing component: the reference component's id. */
  component: z.string().optional(),
  /** The question to ask the candidate. */
  question: z.string().min(1).max(MAX_PROPOSED_QUESTION_CHARS),
});
export type ProposedFinding = z.infer<typeof proposedFindingSchema>;

const flat = (label: string) => label.replace(/\s+/g, " ").trim();

/**
 * A model's findings merged into the rule checks' by code: the rules come first and win; a
 * proposal is kept only when every label it names is a label of the diagram (a model cannot
 * raise a point about a box that is not there), a missing component names a component of the
 * reference design the rules did not already raise, it is a question, and it repeats no rule
 * finding of its kind about the same labels.
 */
export function mergeModelFindings(
  rules: DiagramFinding[],
  proposed: ProposedFinding[],
  diagram: DiagramText,
  referenceIds: string[],
): DiagramFinding[] {
  const labels = new Set([...diagram.nodes.map((n) => flat(n.label)), ...diagram.edges.map((e) => flat(e.label))]);
  labels.delete("");
  const merged = [...rules];
  const keys = new Set(rules.map((f) => f.key));
  for (const p of proposed) {
    const named = p.labels.map(flat);
    const question = p.question.replace(/\s+/g, " ").trim();
    if (!question.endsWith("?")) continue;
    let key: string;
    if (p.kind === "missing-component") {
      if (!p.component || !referenceIds.includes(p.component) || named.length > 0) continue;
      key = `missing-component:${p.component}`;
    } else {
      if (named.length === 0 || named.some((l) => !labels.has(l))) continue;
      const overlaps = merged.some((f) => f.kind === p.kind && f.labels.some((l) => named.includes(flat(l))));
      if (overlaps) continue;
      key = `model:${p.kind}:${[...named].sort().join("|")}`;
    }
    if (keys.has(key)) continue;
    keys.add(key);
    merged.push({ kind: p.kind, message: question, key, labels: named });
  }
  return merged;
}
