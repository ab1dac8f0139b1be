import { type CanvasElement, isStore } from "./canvas-handle";

const SHAPES = new Set(["rectangle", "ellipse", "diamond"]);

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the canvas holds, in words ("3 shapes (1 store), 2 arrows"): the drawing itself is a
 * <canvas> a screen reader cannot read, so this line says what is on it.
 */
export function sceneSummary(elements: readonly CanvasElement[]): string {
  let shapes = 0;
  let stores = 0;
  let arrows = 0;
  for (const element of elements) {
    if (element.isDeleted) continue;
    if (SHAPES.has(element.type)) {
      shapes += 1;
      if (isStore(element)) stores += 1;
    } else if (element.type === "arrow") arrows += 1;
  }
  if (shapes === 0 && arrows === 0) return "The diagram is empty.";
  const storeNote = stores > 0 ? ` (${count(stores, "store", "stores")})` : "";
  return `${count(shapes, "shape", "shapes")}${storeNote}, ${count(arrows, "arrow", "arrows")}`;
}
