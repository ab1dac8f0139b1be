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

export function requestPaths(diagram: DiagramText): PathStep[][] {
  const edges = solidEdges(diagram);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const out = new Map<string, DiagramEdge[]>();
  const entered = new Set<string>();
  for (const e of edges) {
    out.set(e.from as string, [...(out.get(e.from as string) ?? []), e]);
    entered.add(e.to as string);
  }
  const isClient = (n: DiagramNode) => GENERIC_LABEL.test(n.label.trim());
  // A client drawn with the reply arrow back into it is where requests start, loop or not.
  const sources = diagram.nodes.filter((n) => out.has(n.id) && (!entered.has(n.id) || isClient(n)));
  if (sources.length === 0) sources.push(...diagram.nodes.filter((n) => out.has(n.id)).slice(0, 1));
  const paths: PathStep[][] = [];
  const walk = (path: PathStep[], seen: Set<string>) => {
    if (paths.length >= MAX_PATHS) return;
    const last = path[path.length - 1] as PathStep;
    const next = (out.get(last.node.id) ?? []).filter((e) => !seen.has(e.to as string));
    // The reply reaching the client (or the API it came through) ends the request.
    const backAtClient = path.length > 1 && isClient(last.node);
    if (next.length === 0 || path.length >= MAX_DEPTH || backAtClient) {
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
  for (const path of requestPaths(diagram)) {
    // The reply into the client closes a loop; counting across it would compare the end with the start.
    for (const step of path) if (step.via && !GENERIC_LABEL.test(step.node.label.trim())) forward.add(step.via);
  }
  return solidEdges(diagram).filter((e) => forward.has(e));
}

/** A label without its numbers, for messages: "Ranking p99 150 ms" -> "Ranking". */
export function stageName(label: string): string {
  const cut = label.search(/[:(,]|\s(?:p\d{2,3}|~|≈|\d)/i);
  const name = (cut > 0 ? label.slice(0, cut) : label).trim();
  return name || label.trim();
}
