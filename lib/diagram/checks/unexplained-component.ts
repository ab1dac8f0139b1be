import { GENERIC_LABEL, labelStems, meetsAny } from "@/lib/diagram/reference/words";
import type { DiagramFinding, DiagramText } from "@/lib/diagram/types";
import type { DiagramCheckContext } from "./context";

/** The label's content stems, or none for a generic node. */
function contentOf(label: string): string[] {
  const words = label.replace(/\s+/g, " ").trim();
  if (!words || GENERIC_LABEL.test(words)) return [];
  // Tools stay as named: "fastText" is not explained by a candidate who said "text".
  return labelStems(words, { tools: false });
}

/** A node whose label's content words never appear in the candidate's statements. */
export function checkUnexplainedComponents(diagram: DiagramText, context: DiagramCheckContext): DiagramFinding[] {
  if (context.candidateStatements.length === 0) return [];
  const said = new Set(context.candidateStatements.flatMap((s) => labelStems(s, { tools: false })));
  const findings: DiagramFinding[] = [];
  for (const node of diagram.nodes) {
    if (node.kind === "note") continue;
    const stems = contentOf(node.label);
    if (stems.length === 0 || stems.some((s) => meetsAny(s, said))) continue;
    findings.push({
      kind: "unexplained-component",
      message: `The diagram shows "${node.label}", but the conversation never mentions it: what does it do in this design?`,
      key: `unexplained-component:${stems.join(" ")}`,
      labels: [node.label],
    });
  }
  return findings;
}
