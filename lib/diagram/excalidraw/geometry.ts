/**
 * The little plane geometry the Excalidraw reader needs: an element's bounds (rotation included)
 * and an arrow's absolute end points. Excalidraw stores a shape's unrotated box plus an angle in
 * radians about the box centre (clockwise on screen, y pointing down), and an arrow's points
 * relative to its x, y, rotated about the centre of the points' bounding box.
 */
import type { ExcalidrawElement } from "./scene";

export interface Point {
  x: number;
  y: number;
}

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  angle: number;
}

/** `p` turned by `angle` about `c`, the way Excalidraw turns elements. */
export function rotate(p: Point, c: Point, angle: number): Point {
  if (angle === 0) return p;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  return { x: dx * cos - dy * sin + c.x, y: dx * sin + dy * cos + c.y };
}

/** The unrotated box of a shape or text; a negative size (never saved, but possible) is flipped. */
export function boundsOf(el: ExcalidrawElement): Bounds {
  const x2 = el.x + el.width;
  const y2 = el.y + el.height;
  return {
    minX: Math.min(el.x, x2),
    minY: Math.min(el.y, y2),
    maxX: Math.max(el.x, x2),
    maxY: Math.max(el.y, y2),
    angle: el.angle ?? 0,
  };
}

export function centre(b: Bounds): Point {
  return { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 };
}

export function area(b: Bounds): number {
  return (b.maxX - b.minX) * (b.maxY - b.minY);
}

/** Whether `p` lies in `b` grown by `pad` on every side; a turned box turns the point back first. */
export function contains(b: Bounds, p: Point, pad = 0): boolean {
  const q = rotate(p, centre(b), -b.angle);
  return q.x >= b.minX - pad && q.x <= b.maxX + pad && q.y >= b.minY - pad && q.y <= b.maxY + pad;
}

/**
 * How far past a shape's edge an arrow end may stop and still touch it: hand-drawn arrows stop a
 * few pixels short (Excalidraw itself leaves a gap when it binds), and bigger shapes get more.
 */
export function tolerance(b: Bounds): number {
  return Math.max(8, 0.05 * Math.max(b.maxX - b.minX, b.maxY - b.minY));
}

/** An arrow's first and last points on the canvas; with no points, its box's corners stand in. */
export function arrowEnds(el: ExcalidrawElement): [Point, Point] {
  const pts = el.points && el.points.length >= 2 ? el.points : null;
  if (!pts)
    return [
      { x: el.x, y: el.y },
      { x: el.x + el.width, y: el.y + el.height },
    ];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [px, py] of pts) {
    minX = Math.min(minX, px);
    minY = Math.min(minY, py);
    maxX = Math.max(maxX, px);
    maxY = Math.max(maxY, py);
  }
  const c = { x: el.x + (minX + maxX) / 2, y: el.y + (minY + maxY) / 2 };
  const at = (p: [number, number] | undefined): Point =>
    rotate({ x: el.x + (p?.[0] ?? 0), y: el.y + (p?.[1] ?? 0) }, c, el.angle ?? 0);
  return [at(pts[0]), at(pts.at(-1))];
}
