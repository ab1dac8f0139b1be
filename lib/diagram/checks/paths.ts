import { GENERIC_LABEL } from "@/lib/diagram/reference/words";
import type { DiagramEdge, DiagramNode, DiagramText } from "@/lib/diagram/types";

/**
 * Request paths of a diagram: walks along solid arrows from each source (a node no solid arrow
 * enters) until no unvisited node follows. Dashed arrows are skipped: they are usually the offline
 * side (training from logs, monitoring). Enumeration is capped, since a dense pasted graph could
 * have exponentially many paths.
 */
export const MAX_PATHS = 2000;
const MAX_DEPTH = 50;

/** One step of a path: the node, and the arrow that led to it (null for the first). */
export interface PathStep {
  node: DiagramNode;
  via: DiagramEdge | null;
}

export function solidEdges(diagram: DiagramText): DiagramEdge[] {
  return diagram.edges.filter((e) => !e.dashed && e.from !== null && e.to !== null && e.from !== e.to);
}

/**
 * Where a loop of solid arrows is entered: the first node of each loop in the order it was drawn
 * or declared. A candidate draws the client first and the reply back into it, whatever they call
 * it ("Viewer opens app", "Home feed API"), so the loop's first node is where requests start.
 */
function loopEntries(diagram: DiagramText, out: Map<string, DiagramEdge[]>): Set<string> {
  const order = new Map(diagram.nodes.map((n, i) => [n.id, i]));
  const entries = new Set<string>();
  // Kosaraju's two passes, iterative so a long chain cannot overflow the stack.
  const finished: string[] = [];
  const visited = new Set<string>();
  for (const start of diagram.nodes) {
    if (visited.has(start.id)) continue;
    visited.add(start.id);
    const stack: Array<{ id: string; next: number }> = [{ id: start.id, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { id: string; next: number };
      const edges = out.get(top.id) ?? [];
      if (top.next < edges.length) {
        const to = edges[top.next++]?.to as string;
        if (!visited.has(to) && order.has(to)) {
          visited.add(to);
          stack.push({ id: to, next: 0 });
        }
      } else {
        finished.push(top.id);
        stack.pop();
      }
    }
  }
  const into = new Map<string, string[]>();
  for (const edges of out.values()) {
    for (const e of edges) into.set(e.to as string, [...(into.get(e.to as string) ?? []), e.from as string]);
  }
  const assigned = new Set<string>();
  for (const root of finished.reverse()) {
    if (assigned.has(root)) continue;
    const members: string[] = [];
    const stack = [root];
    assigned.add(root);
    while (stack.length > 0) {
      const id = stack.pop() as string;
      members.push(id);
      for (const from of into.get(id) ?? []) {
        if (!assigned.has(from)) {
          assigned.add(from);
          stack.push(from);
        }
      }
    }
    if (members.length < 2) continue;
    members.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    entries.add(members[0] as string);
  }
  return entries;
}

function outgoing(edges: DiagramEdge[]): Map<string, DiagramEdge[]> {
  const out = new Map<string, DiagramEdge[]>();
  for (const e of edges) out.set(e.from as string, [...(out.get(e.from as string) ?? []), e]);
  return out;
}

/** A client, or the node a loop is entered at: where requests start and where replies end. */
function entryTest(diagram: DiagramText, out: Map<string, DiagramEdge[]>): (node: DiagramNode) => boolean {
  const loops = loopEntries(diagram, out);
  return (n) => GENERIC_LABEL.test(n.label.trim()) || loops.has(n.id);
}

export function requestPaths(diagram: DiagramText): PathStep[][] {
  const edges = solidEdges(diagram);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const out = outgoing(edges);
  const entered = new Set(edges.map((e) => e.to as string));
  const isEntry = entryTest(diagram, out);
  const sources = diagram.nodes.filter((n) => out.has(n.id) && (!entered.has(n.id) || isEntry(n)));
  if (sources.length === 0) sources.push(...diagram.nodes.filter((n) => out.has(n.id)).slice(0, 1));
  const paths: PathStep[][] = [];
  const walk = (path: PathStep[], seen: Set<string>) => {
    if (paths.length >= MAX_PATHS) return;
    const last = path[path.length - 1] as PathStep;
    const next = (out.get(last.node.id) ?? []).filter((e) => !seen.has(e.to as string));
    // The reply reaching the client (or the API it came through) ends the request: a path never
    // runs on through it into the start of the funnel again.
    const backAtEntry = path.length > 1 && isEntry(last.node);
    if (next.length === 0 || path.length >= MAX_DEPTH || backAtEntry) {
      paths.push(path);
      return;
    }
    for (const edge of next) {
      const node = byId.get(edge.to as string);
      if (!node) continue;
      seen.add(node.id);
      walk([...path, { node, via: edge }], seen);
      seen.delete(node.id);
    }
  };
  for (const source of sources) walk([{ node: source, via: null }], new Set([source.id]));
  return paths;
}

/** Solid arrows that lead forward along some request path: an arrow back into a loop (ranker -> client) is left out. */
export function forwardEdges(diagram: DiagramText): DiagramEdge[] {
  const forward = new Set<DiagramEdge>();
  const isEntry = entryTest(diagram, outgoing(solidEdges(diagram)));
  for (const path of requestPaths(diagram)) {
    // The reply into the client closes a loop; counting across it would compare the end with the start.
    for (const step of path) if (step.via && !isEntry(step.node)) forward.add(step.via);
  }
  return solidEdges(diagram).filter((e) => forward.has(e));
}

/** A label without its numbers, for messages: "Ranking p99 150 ms" -> "Ranking". */
export function stageName(label: string): string {
  const cut = label.search(/[:(,]|\s(?:p\d{2,3}|~|≈|\d)/i);
  const name = (cut > 0 ? label.slice(0, cut) : label).trim();
  return name || label.trim();
}
