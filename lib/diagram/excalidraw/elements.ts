/**
 * Builders for Excalidraw 0.18 elements as the canvas saves them, for scenes made on the server
 * (a pasted Mermaid flowchart laid out by diagramToScene). Every field the editor's element type
 * requires is written, so the scene opens as is; the canvas still passes it through
 * restoreElements, which fills in fractional indices (left null here, as for new elements).
 * Ids and seeds are hashes of what the element stands for, never random, so the same paste
 * gives the same scene.
 */
import type { ExcalidrawElement } from "./scene";

/** Excalidraw's default font size, and its "Excalifont" family (the hand-drawn default since 0.18). */
export const FONT_SIZE = 20;
const FONT_FAMILY = 5;
export const LINE_HEIGHT = 1.25;
/**
 * An average glyph advance of 0.55 em: Excalifont is wide, and a box sized on a narrower guess
 * overflows once the canvas measures the real text.
 */
export const CHAR_WIDTH = 0.55 * FONT_SIZE;
/** Labels wrap at this many characters, so one long label does not stretch a row of the layout. */
const MAX_LINE_CHARS = 24;
const INK = "#1e1e1e";

type Point = [number, number];
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** FNV-1a, 32-bit: a short stable hash of a string. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hands out ids built from a key's hash, suffixed when two keys collide, so every id is unique. */
export function idAllocator(): (prefix: string, key: string) => string {
  const used = new Set<string>();
  return (prefix, key) => {
    const stem = `${prefix}-${hash(key).toString(36)}`;
    let id = stem;
    for (let n = 2; used.has(id); n += 1) id = `${stem}-${n}`;
    used.add(id);
    return id;
  };
}

/** The label as lines: its own line breaks kept, words wrapped greedily, a word too long cut. */
export function wrapLabel(label: string): string[] {
  const lines: string[] = [];
  for (const paragraph of label.trim().split(/\r\n|\r|\n/)) {
    let line: string[] = [];
    for (const word of paragraph.trim().split(/\s+/)) {
      const chars = [...word];
      const joinedLength = line.length + (line.length > 0 ? 1 : 0) + chars.length;
      if (joinedLength <= MAX_LINE_CHARS) {
        line = line.length > 0 ? [...line, " ", ...chars] : chars;
        continue;
      }
      if (line.length > 0) lines.push(line.join(""));
      line = [];
      for (let i = 0; i < chars.length; i += MAX_LINE_CHARS) {
        const piece = chars.slice(i, i + MAX_LINE_CHARS);
        if (piece.length === MAX_LINE_CHARS && i + MAX_LINE_CHARS < chars.length) lines.push(piece.join(""));
        else line = piece;
      }
    }
    lines.push(line.join(""));
  }
  return lines;
}

/** The estimated size of text set in lines at the default font. */
export function textSize(lines: string[]): { width: number; height: number } {
  const longest = Math.max(0, ...lines.map((l) => [...l].length));
  return { width: Math.ceil(longest * CHAR_WIDTH), height: Math.ceil(lines.length * FONT_SIZE * LINE_HEIGHT) };
}

function common(id: string, type: string, box: Box, frameId: string | null) {
  return {
    id,
    type,
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    angle: 0,
    strokeColor: INK,
    backgroundColor: "transparent",
    fillStyle: "solid",
    strokeWidth: 2,
    strokeStyle: "solid",
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId,
    index: null,
    roundness: null as { type: number } | null,
    seed: (hash(`${id}#seed`) % 2_147_483_646) + 1,
    version: 1,
    versionNonce: hash(`${id}#nonce`),
    isDeleted: false,
    boundElements: null as Array<{ id: string; type: string }> | null,
    updated: 1,
    link: null,
    locked: false,
  };
}

export type ShapeType = "rectangle" | "ellipse" | "diamond";

export function shapeElement(
  id: string,
  type: ShapeType,
  box: Box,
  options: { frameId: string | null; store: boolean },
): ExcalidrawElement {
  return {
    ...common(id, type, box, options.frameId),
    // Excalidraw's adaptive radius for rectangles, proportional for diamonds; ellipses take none.
    roundness: type === "rectangle" ? { type: 3 } : type === "diamond" ? { type: 2 } : null,
    ...(options.store ? { customData: { probeKind: "store" } } : {}),
  };
}

/** Text: bound to a container (centred in it) when containerId is set, else a free note. */
export function textElement(
  id: string,
  label: string,
  box: Box,
  options: { containerId: string | null; frameId: string | null },
): ExcalidrawElement {
  return {
    ...common(id, "text", box, options.frameId),
    fontSize: FONT_SIZE,
    fontFamily: FONT_FAMILY,
    text: wrapLabel(label).join("\n"),
    // The label as typed: the reader takes it from here, so wrapping never changes what it says.
    originalText: label,
    textAlign: options.containerId ? "center" : "left",
    verticalAlign: options.containerId ? "middle" : "top",
    containerId: options.containerId,
    autoResize: true,
    lineHeight: LINE_HEIGHT,
  };
}

/** An arrow through absolute `points`, bound at each end to a shape or loose (null). */
export function arrowElement(
  id: string,
  points: Point[],
  options: { start: string | null; end: string | null; dashed: boolean },
): ExcalidrawElement {
  const [x0, y0] = points[0] ?? [0, 0];
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const binding = (elementId: string | null) => (elementId ? { elementId, focus: 0, gap: 4 } : null);
  return {
    ...common(
      id,
      "arrow",
      { x: x0, y: y0, width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) },
      null,
    ),
    strokeStyle: options.dashed ? "dashed" : "solid",
    roundness: { type: 2 },
    // Excalidraw keeps a linear element's points relative to its first point.
    points: points.map(([x, y]) => [x - x0, y - y0] as Point),
    lastCommittedPoint: null,
    startBinding: binding(options.start),
    endBinding: binding(options.end),
    startArrowhead: null,
    endArrowhead: "arrow",
    elbowed: false,
  };
}

export function frameElement(id: string, name: string, box: Box): ExcalidrawElement {
  return { ...common(id, "frame", box, null), name };
}
