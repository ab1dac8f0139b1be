/**
 * A diagram as Mermaid flowchart source, whatever drew it: what the candidate sees and edits in
 * the text view of an Excalidraw drawing. parseMermaid reads it back to the same diagram, up to
 * ids: every label is quoted and escaped, and ids Mermaid cannot take are renamed n1, n2, ...
 */
import type { DiagramNode, DiagramText } from "@/lib/diagram/types";
import { encodeLabel } from "./labels";
import { DANGLING_CLASS, NOTE_CLASS } from "./parse";

// Words Mermaid reads as syntax where an id would stand.
const RESERVED = new Set([
  "end",
  "graph",
  "flowchart",
  "subgraph",
  "class",
  "classdef",
  "style",
  "linkstyle",
  "click",
  "direction",
  "default",
  "acctitle",
  "accdescr",
]);
const SAFE_ID = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

function shape(node: DiagramNode): string {
  const label = `"${encodeLabel(node.label)}"`;
  if (node.kind === "store") return `[(${label})]`;
  if (node.kind === "decision") return `{${label}}`;
  if (node.kind === "note") return `[${label}]:::${NOTE_CLASS}`;
  return `[${label}]`;
}

/** Mermaid ids for the diagram's node ids: kept when safe and unique, else the next free nK. */
function mermaidIds(nodes: DiagramNode[]): { ids: Map<string, string>; fresh: () => string } {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const n of nodes) {
    const lower = n.id.toLowerCase();
    if (SAFE_ID.test(n.id) && !RESERVED.has(lower) && !used.has(lower) && !ids.has(n.id)) {
      ids.set(n.id, n.id);
      // Compared without case: "end" and "End" must not both be ids Mermaid reads alike.
      used.add(lower);
    }
  }
  let next = 1;
  const fresh = () => {
    while (used.has(`n${next}`)) next += 1;
    used.add(`n${next}`);
    return `n${next}`;
  };
  for (const n of nodes) if (!ids.has(n.id)) ids.set(n.id, fresh());
  return { ids, fresh };
}

/** The diagram as a `flowchart LR`: nodes in order, then subgraphs by group, then arrows. */
export function toMermaid(diagram: DiagramText): string {
  const { ids, fresh } = mermaidIds(diagram.nodes);
  const lines = ["flowchart LR"];
  // Every node first, in order, so that reading back keeps the order; subgraphs then list members.
  for (const n of diagram.nodes) lines.push(`  ${ids.get(n.id)}${shape(n)}`);
  const groups = new Map<string, string[]>();
  for (const n of diagram.nodes) {
    if (n.group === null) continue;
    const members = groups.get(n.group) ?? [];
    members.push(ids.get(n.id) ?? "");
    groups.set(n.group, members);
  }
  for (const [title, members] of groups) {
    // A fresh id: a subgraph sharing a node's id would be the same thing to Mermaid.
    lines.push(`  subgraph ${fresh()}["${encodeLabel(title)}"]`, ...members.map((m) => `    ${m}`), "  end");
  }
  // An arrow end that touches no shape becomes a small stand-in node the reader drops again.
  let loose = 0;
  const end = (id: string | null) => {
    if (id !== null) return ids.get(id) ?? danglingFor(id);
    loose += 1;
    return danglingFor(`\u0000${loose}`);
  };
  const dangling = new Map<string, string>();
  const danglingFor = (key: string) => {
    const existing = dangling.get(key);
    if (existing) return existing;
    const id = fresh();
    dangling.set(key, id);
    lines.push(`  ${id}((" ")):::${DANGLING_CLASS}`);
    return id;
  };
  for (const e of diagram.edges) {
    const from = end(e.from);
    const to = end(e.to);
    const arrow = e.dashed ? "-.->" : "-->";
    const label = e.label === "" ? "" : `|"${encodeLabel(e.label)}"|`;
    lines.push(`  ${from} ${arrow}${label} ${to}`);
  }
  return `${lines.join("\n")}\n`;
}
