/** Tiny builders for hand-made Excalidraw scenes in tests (the real ones come from the canvas). */
import { readScene } from "../scene";
import { sceneToDiagram } from "../to-text";

/** Hand-made elements: only what a test says differs from a plain, live element. */
export type Raw = Record<string, unknown>;
export const base = (type: string, id: string, extra: Raw = {}): Raw => ({
  id,
  type,
  x: 0,
  y: 0,
  width: 100,
  height: 60,
  angle: 0,
  isDeleted: false,
  strokeStyle: "solid",
  ...extra,
});
export const box = (id: string, x: number, y: number, extra: Raw = {}) => base("rectangle", id, { x, y, ...extra });
export const text = (id: string, x: number, y: number, t: string, extra: Raw = {}) =>
  base("text", id, { x, y, width: 8 * t.length, height: 20, text: t, originalText: t, ...extra });
export const arrow = (id: string, [x1, y1]: number[], [x2, y2]: number[], extra: Raw = {}) =>
  base("arrow", id, {
    x: x1,
    y: y1,
    width: Math.abs((x2 ?? 0) - (x1 ?? 0)),
    height: Math.abs((y2 ?? 0) - (y1 ?? 0)),
    points: [
      [0, 0],
      [(x2 ?? 0) - (x1 ?? 0), (y2 ?? 0) - (y1 ?? 0)],
    ],
    startArrowhead: null,
    endArrowhead: "arrow",
    ...extra,
  });

export const read = (elements: Raw[]) => sceneToDiagram(readScene({ type: "excalidraw", version: 2, elements }));
export const nodes = (elements: Raw[]) => read(elements).nodes.map((n) => [n.id, n.kind, n.label, n.group]);
export const edges = (elements: Raw[]) => read(elements).edges.map((e) => [e.from, e.to, e.label, e.dashed]);
