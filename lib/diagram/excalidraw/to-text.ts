/**
 * An Excalidraw scene as the diagram's text form (issue 16): shapes become nodes, arrows edges,
 * frames groups, and stray text notes. What the canvas records explicitly (bindings, bound text,
 * customData) is trusted first; geometry only fills in what a hand-drawn or imported scene left
 * unsaid, so a diagram reads the same whether or not the arrows snapped to their boxes.
 */
import { readAnnotations } from "@/lib/diagram/annotations";
import type { DiagramEdge, DiagramNode, DiagramNodeKind, DiagramText } from "@/lib/diagram/types";
import { area, arrowEnds, type Bounds, boundsOf, centre, contains, type Point, tolerance } from "./geometry";
import type { ExcalidrawElement, ExcalidrawScene } from "./scene";

const SHAPES = new Set(["rectangle", "ellipse", "diamond"]);
const FRAMES = new Set(["frame", "magicframe"]);

interface Draft {
  el: ExcalidrawElement;
  bounds: Bounds;
  kind: DiagramNodeKind;
  /** Bound text first, then free text lying inside, in reading order. */
  parts: string[];
}

/** The scene as nodes and edges; deterministic for a given scene. */
export function sceneToDiagram(scene: ExcalidrawScene): DiagramText {
  const live = liveElements(scene.elements);
  const byId = new Map(live.map((el) => [el.id, el]));
  const shapes = live.filter((el) => SHAPES.has(el.type));
  const arrows = live.filter(isArrow);

  const owners = containerOf(live, byId);
  const boundText = boundTexts(live, owners);
  const drafts = new Map<string, Draft>();
  for (const el of shapes) {
    drafts.set(el.id, { el, bounds: boundsOf(el), kind: shapeKind(el), parts: boundText.get(el.id) ?? [] });
  }
  // Which node each element stands for, so an arrow bound to a shape's text reaches the shape.
  const nodeOf = new Map<string, string>();
  for (const id of drafts.keys()) nodeOf.set(id, id);
  for (const [textId, containerId] of owners) {
    if (drafts.has(containerId)) nodeOf.set(textId, containerId);
  }

  const free = live.filter((el) => el.type === "text" && !owners.has(el.id)).sort(byReadingOrder);
  const notes: Draft[] = [];
  for (const el of free) {
    const bounds = boundsOf(el);
    // Text typed over a box without binding it still names the box; the innermost box wins.
    const host = smallest([...drafts.values()], (d) => contains(d.bounds, centre(bounds)));
    if (host) {
      host.parts = [...host.parts, textOf(el)];
      nodeOf.set(el.id, host.el.id);
    } else {
      notes.push({ el, bounds, kind: "note", parts: [textOf(el)] });
      nodeOf.set(el.id, el.id);
    }
  }

  const groupOf = (el: ExcalidrawElement): string | null => {
    const frame = el.frameId ? byId.get(el.frameId) : undefined;
    if (!frame || !FRAMES.has(frame.type)) return null;
    // An unnamed frame is titled "Frame" on the canvas, so it is named that here too.
    return frame.name?.trim() || "Frame";
  };
  const nodes: DiagramNode[] = [...drafts.values(), ...notes]
    .sort((a, b) => a.bounds.minY - b.bounds.minY || a.bounds.minX - b.bounds.minX)
    .map((d) => {
      const label = d.parts.filter((p) => p !== "").join(" ");
      return { id: d.el.id, kind: d.kind, label, annotations: readAnnotations(label), group: groupOf(d.el) };
    });

  const targets = [...drafts.values()];
  const end = (elementId: string | undefined, p: Point): string | null => {
    const bound = elementId ? nodeOf.get(elementId) : undefined;
    if (bound) return bound;
    const hit = smallest(targets, (d) => contains(d.bounds, p, tolerance(d.bounds)));
    return hit ? hit.el.id : null;
  };
  const edges: DiagramEdge[] = arrows.map((el) => {
    const [start, finish] = arrowEnds(el);
    let from = end(el.startBinding?.elementId, start);
    let to = end(el.endBinding?.elementId, finish);
    // An arrow whose only head is at its start points backwards.
    if (el.startArrowhead && !el.endArrowhead) [from, to] = [to, from];
    const label = (boundText.get(el.id) ?? []).filter((p) => p !== "").join(" ");
    const dashed = el.strokeStyle === "dashed" || el.strokeStyle === "dotted";
    return { from, to, label, annotations: readAnnotations(label), dashed };
  });
  return { nodes, edges };
}

/** Not deleted, and the first of any elements sharing an id (a corrupt scene must not merge nodes). */
function liveElements(elements: ExcalidrawElement[]): ExcalidrawElement[] {
  const seen = new Set<string>();
  return elements.filter((el) => {
    if (el.isDeleted || seen.has(el.id)) return false;
    seen.add(el.id);
    return true;
  });
}

function isArrow(el: ExcalidrawElement): boolean {
  return el.type === "arrow" || (el.type === "line" && Boolean(el.startArrowhead || el.endArrowhead));
}

/** Diamonds are decisions by shape; "store" is only what our canvas marked, never guessed. */
function shapeKind(el: ExcalidrawElement): DiagramNodeKind {
  if (el.type === "diamond") return "decision";
  return el.customData?.probeKind === "store" ? "store" : "component";
}

/**
 * Text bound to a live shape or arrow: by its containerId, or by the container listing it in
 * boundElements (either side alone is enough, since older or hand-edited scenes keep only one).
 */
function containerOf(live: ExcalidrawElement[], byId: Map<string, ExcalidrawElement>): Map<string, string> {
  const canContain = (id: string | null | undefined) => {
    const c = id ? byId.get(id) : undefined;
    return c !== undefined && (SHAPES.has(c.type) || isArrow(c));
  };
  const found = new Map<string, string>();
  for (const el of live) {
    if (el.type === "text" && el.containerId && canContain(el.containerId)) found.set(el.id, el.containerId);
  }
  for (const el of live) {
    if (!canContain(el.id)) continue;
    for (const b of el.boundElements ?? []) {
      if (b.type === "text" && byId.get(b.id)?.type === "text" && !found.has(b.id)) found.set(b.id, el.id);
    }
  }
  return found;
}

/** Each container's bound texts, in element order. */
function boundTexts(live: ExcalidrawElement[], owners: Map<string, string>): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const el of live) {
    const owner = owners.get(el.id);
    if (owner) texts.set(owner, [...(texts.get(owner) ?? []), textOf(el)]);
  }
  return texts;
}

/** The text as typed (originalText has no soft wraps), on one line. */
function textOf(el: ExcalidrawElement): string {
  return (el.originalText ?? el.text ?? "").replace(/\s*(?:\r\n|\r|\n)\s*/g, " ").trim();
}

function byReadingOrder(a: ExcalidrawElement, b: ExcalidrawElement): number {
  return boundsOf(a).minY - boundsOf(b).minY || boundsOf(a).minX - boundsOf(b).minX;
}

/** The smallest draft passing `test`; on a tie the later one, drawn on top. */
function smallest(drafts: Draft[], test: (d: Draft) => boolean): Draft | undefined {
  let best: Draft | undefined;
  for (const d of drafts) {
    if (test(d) && (!best || area(d.bounds) <= area(best.bounds))) best = d;
  }
  return best;
}
