/**
 * A diagram's text form (a pasted Mermaid flowchart) drawn as an Excalidraw scene (issue 16):
 * laid out with dagre, boxes sized from their labels, arrows bound to the shapes they join, and
 * subgraphs as frames. sceneToDiagram reads the scene back to the same labels, kinds, arrows and
 * groups, so pasting Mermaid onto the canvas loses nothing the checks read.
 */
import { graphlib, layout } from "@dagrejs/dagre";
import type { DiagramNode, DiagramText } from "@/lib/diagram/types";
import {
  arrowElement,
  type Box,
  FONT_SIZE,
  frameElement,
  idAllocator,
  type ShapeType,
  shapeElement,
  textElement,
  textSize,
  wrapLabel,
} from "./elements";
import type { ExcalidrawElement, ExcalidrawScene } from "./scene";

const PAD_X = 24;
const PAD_Y = 16;
const MIN_WIDTH = 120;
const MIN_HEIGHT = 60;
/** Where a loose arrow end stops: a tiny stand-in node, so the layout keeps it clear of every shape. */
const LOOSE_END = 12;
/** Room inside a frame around its members, and above them for Excalidraw's frame title. */
const FRAME_PAD = 16;

interface Placed {
  node: DiagramNode;
  elementId: string;
  box: Box;
}

/** The shape a node kind is drawn as; a store is an ellipse marked as a store for the reader. */
function shapeOf(node: DiagramNode): ShapeType | null {
  if (node.kind === "note") return null;
  if (node.kind === "decision") return "diamond";
  return node.kind === "store" ? "ellipse" : "rectangle";
}

/**
 * The size a node needs for its label. The text must fit the shape's inner box: a rectangle's is
 * the whole box, an ellipse's about 1/√2 of each side, a diamond's half of each side.
 */
function sizeOf(node: DiagramNode): { width: number; height: number } {
  const text = textSize(wrapLabel(node.label));
  if (node.kind === "note") return { width: Math.max(text.width, FONT_SIZE), height: text.height };
  const grow = node.kind === "decision" ? 2 : node.kind === "store" ? Math.SQRT2 : 1;
  return {
    width: Math.max(MIN_WIDTH, Math.ceil((text.width + 2 * PAD_X) * grow)),
    height: Math.max(MIN_HEIGHT, Math.ceil((text.height + 2 * PAD_Y) * grow)),
  };
}

/**
 * The diagram as an Excalidraw scene, deterministic for a given diagram. Top to bottom: an ML
 * system is mostly a funnel (candidates → ranking → re-ranking), which reads down the page, and
 * stacked boxes keep a long pipeline narrow enough for the canvas beside the chat.
 */
export function diagramToScene(diagram: DiagramText): ExcalidrawScene {
  const g = new graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 64, edgesep: 24, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));

  // The layout's own keys: node ids are user text and could clash with group or stand-in keys.
  const keyOf = new Map<string, string>();
  diagram.nodes.forEach((node, i) => {
    if (keyOf.has(node.id)) return;
    keyOf.set(node.id, `n${i}`);
    g.setNode(`n${i}`, sizeOf(node));
  });
  const groups = [...new Set(diagram.nodes.flatMap((n) => (n.group === null ? [] : [n.group])))];
  groups.forEach((group, j) => {
    g.setNode(`g${j}`, {});
    for (const node of diagram.nodes) {
      const key = keyOf.get(node.id);
      if (node.group === group && key) g.setParent(key, `g${j}`);
    }
  });
  const edgeKeys = diagram.edges.map((edge, i) => {
    const end = (id: string | null, side: string) => {
      const key = id === null ? undefined : keyOf.get(id);
      if (key) return key;
      g.setNode(`d${i}${side}`, { width: LOOSE_END, height: LOOSE_END });
      return `d${i}${side}`;
    };
    const v = end(edge.from, "s");
    const w = end(edge.to, "t");
    const label = edge.label.trim() === "" ? { width: 0, height: 0 } : textSize(wrapLabel(edge.label));
    g.setEdge(v, w, { ...label, labelpos: "c" }, `e${i}`);
    return { v, w, name: `e${i}` };
  });
  layout(g);

  const allocate = idAllocator();
  const frameIds = new Map(groups.map((group) => [group, allocate("probe-frame", group)]));
  const placed = new Map<string, Placed>();
  for (const node of diagram.nodes) {
    const key = keyOf.get(node.id);
    if (!key || placed.has(node.id)) continue;
    const { x, y, width, height } = g.node(key);
    const box = { x: x - width / 2, y: y - height / 2, width, height };
    placed.set(node.id, { node, elementId: allocate("probe-node", node.id), box });
  }

  // Each bound text right after its container, as the canvas orders them.
  const drawn: ExcalidrawElement[] = [];
  const boundTo = new Map<string, Array<{ id: string; type: string }>>();
  const bind = (containerId: string, id: string, type: string) =>
    boundTo.set(containerId, [...(boundTo.get(containerId) ?? []), { id, type }]);

  for (const { node, elementId, box } of placed.values()) {
    const frameId = node.group === null ? null : (frameIds.get(node.group) ?? null);
    const shape = shapeOf(node);
    if (shape === null) {
      drawn.push(textElement(elementId, node.label, box, { containerId: null, frameId }));
      continue;
    }
    drawn.push(shapeElement(elementId, shape, box, { frameId, store: node.kind === "store" }));
    if (node.label.trim() === "") continue;
    const textId = `${elementId}-label`;
    drawn.push(
      textElement(textId, node.label, centred(box, wrapLabel(node.label)), { containerId: elementId, frameId }),
    );
    bind(elementId, textId, "text");
  }

  const seen = new Map<string, number>();
  diagram.edges.forEach((edge, i) => {
    const keys = edgeKeys[i];
    if (!keys) return;
    const laid = g.edge(keys);
    const start = edge.from === null ? undefined : placed.get(edge.from)?.elementId;
    const end = edge.to === null ? undefined : placed.get(edge.to)?.elementId;
    // Keyed by the ends and how many arrows joined them before, so other edits leave the id alone.
    const pair = `${edge.from ?? ""}\u0000${edge.to ?? ""}`;
    const nth = (seen.get(pair) ?? 0) + 1;
    seen.set(pair, nth);
    const id = allocate("probe-arrow", `${pair}\u0000${nth}`);
    const points = laid.points.map((p: { x: number; y: number }): [number, number] => [p.x, p.y]);
    drawn.push(arrowElement(id, points, { start: start ?? null, end: end ?? null, dashed: edge.dashed }));
    if (start) bind(start, id, "arrow");
    if (end && end !== start) bind(end, id, "arrow");
    if (edge.label.trim() === "") return;
    const lines = wrapLabel(edge.label);
    const at = { x: laid.x ?? points[0]?.[0] ?? 0, y: laid.y ?? points[0]?.[1] ?? 0 };
    const size = textSize(lines);
    const box = { x: at.x - size.width / 2, y: at.y - size.height / 2, ...size };
    drawn.push(textElement(`${id}-label`, edge.label, box, { containerId: id, frameId: null }));
    bind(id, `${id}-label`, "text");
  });

  const frames = groups.map((group, j) => {
    const { x, y, width, height } = g.node(`g${j}`);
    const box = {
      x: x - width / 2 - FRAME_PAD,
      y: y - height / 2 - FRAME_PAD,
      width: width + 2 * FRAME_PAD,
      height: height + 2 * FRAME_PAD,
    };
    return frameElement(frameIds.get(group) ?? `g${j}`, group, box);
  });

  const withBindings = (el: ExcalidrawElement) => {
    const bound = boundTo.get(el.id);
    return bound ? { ...el, boundElements: bound } : el;
  };
  return {
    type: "excalidraw",
    version: 2,
    source: "probe",
    // Frames last: Excalidraw draws a frame's outline and title over its members, never a fill.
    elements: [...drawn, ...frames].map(withBindings),
    appState: { viewBackgroundColor: "#ffffff", gridSize: null },
    files: {},
  };
}

/** The box of `lines` of text centred in `box`. */
function centred(box: Box, lines: string[]): Box {
  const size = textSize(lines);
  return { x: box.x + (box.width - size.width) / 2, y: box.y + (box.height - size.height) / 2, ...size };
}
