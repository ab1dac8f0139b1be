/**
 * The diagram as the plain text the interviewer and a model read (issue 16): one line each for
 * components, arrows, groups and notes, labels as written. Deterministic (diagram order, no
 * layout), compact, and capped, so a huge drawing cannot crowd out the rest of a prompt.
 */
import type { DiagramEdge, DiagramNode, DiagramText } from "@/lib/diagram/types";

/** At most this many characters in all; items past it are counted as "and N more". */
export const MAX_DESCRIPTION_CHARS = 4000;
/** A label longer than this is cut with an ellipsis: one pasted paragraph must not fill the budget. */
const MAX_LABEL_CHARS = 120;
const MAX_GROUP_MEMBERS = 8;

/** The label on one line, cut to length. */
function shown(label: string): string {
  const flat = label.replace(/\s+/g, " ").trim();
  return flat.length > MAX_LABEL_CHARS ? `${flat.slice(0, MAX_LABEL_CHARS - 1)}…` : flat;
}

function nodeName(node: DiagramNode | undefined): string {
  if (!node) return "(nothing)";
  return shown(node.label) || `(unlabelled ${node.kind})`;
}

/** Quantities read from outside the label (e.g. text placed next to a shape) are shown after it. */
function extraQuantities(label: string, node: { annotations: DiagramNode["annotations"] }): string {
  const extra = node.annotations.quantities.map((q) => q.text).filter((t) => !label.includes(t));
  return extra.length > 0 ? ` [${extra.join(", ")}]` : "";
}

function describeNode(node: DiagramNode): string {
  const tag = node.kind === "store" || node.kind === "decision" ? ` (${node.kind})` : "";
  return `${nodeName(node)}${tag}${extraQuantities(node.label, node)}`;
}

function describeEdge(edge: DiagramEdge, byId: Map<string, DiagramNode>): string {
  const end = (id: string | null) => (id === null ? "(nothing)" : nodeName(byId.get(id)));
  const label = edge.label.trim() === "" ? "" : ` "${shown(edge.label)}"`;
  const dashed = edge.dashed ? " (dashed)" : "";
  return `${end(edge.from)} -> ${end(edge.to)}${label}${dashed}${extraQuantities(edge.label, edge)}`;
}

/** A group's members, the first few by name: one item of a section stays short. */
function listed(members: string[]): string {
  const first = members.slice(0, MAX_GROUP_MEMBERS).join(", ");
  const more = members.length - MAX_GROUP_MEMBERS;
  return more > 0 ? `${first} and ${more} more` : first;
}

/** "Heading: a; b; c", keeping whole items within `budget` characters and counting the rest. */
function section(heading: string, items: string[], budget: number): string {
  if (items.length === 0) return "";
  let line = `${heading}:`;
  for (let i = 0; i < items.length; i += 1) {
    const piece = `${i === 0 ? " " : "; "}${items[i]}`;
    const rest = items.length - i;
    // Room is kept for the " and N more" the line would end with if this item were the last to fit.
    if (line.length + piece.length + (rest > 1 ? 20 : 0) > budget && i > 0) {
      return `${line}; and ${rest} more`;
    }
    line += piece;
  }
  return line;
}

/** The plain-text form of a diagram. */
export function describeDiagram(diagram: DiagramText): string {
  if (diagram.nodes.length === 0 && diagram.edges.length === 0) return "The diagram is empty.";
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const shapes = diagram.nodes.filter((n) => n.kind !== "note");
  const notes = diagram.nodes.filter((n) => n.kind === "note");
  const groups = new Map<string, string[]>();
  for (const n of shapes) {
    if (n.group === null) continue;
    groups.set(n.group, [...(groups.get(n.group) ?? []), nodeName(n)]);
  }
  const parts: Array<[string, string[]]> = [
    ["Components", shapes.map(describeNode)],
    ["Arrows", diagram.edges.map((e) => describeEdge(e, byId))],
    ["Groups", [...groups].map(([title, members]) => `${shown(title)} (${listed(members)})`)],
    ["Notes", notes.map((n) => `"${nodeName(n)}"${extraQuantities(n.label, n)}`)],
  ];
  // Each section gets an equal share of what the sections before it left over.
  const lines: string[] = [];
  let left = MAX_DESCRIPTION_CHARS;
  const present = parts.filter(([, items]) => items.length > 0);
  present.forEach(([heading, items], i) => {
    const line = section(heading, items, Math.floor(left / (present.length - i)) - 1);
    lines.push(line);
    left -= line.length + 1;
  });
  return lines.join("\n");
}
