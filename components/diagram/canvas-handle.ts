/**
 * What the diagram panel knows of the canvas: plain data and a few commands, so nothing outside
 * components/diagram/excalidraw-canvas.tsx imports Excalidraw and its bundle stays lazy.
 */

/** The fields of an Excalidraw element the panel reads; the rest passes through untouched. */
export interface CanvasElement {
  readonly id: string;
  readonly type: string;
  readonly isDeleted?: boolean;
  readonly customData?: Readonly<Record<string, unknown>> | null;
}

/** One onChange of the canvas, reduced to what the panel needs. */
export interface CanvasChange {
  /** Every element, deleted ones included (they are filtered when saved). */
  elements: readonly CanvasElement[];
  /** A hash of every element's id and version: equal hashes mean no element changed. */
  version: number;
  /** The ids of the selected elements, sorted. */
  selectedIds: readonly string[];
}

export interface CanvasHandle {
  /**
   * Replaces every element with `elements` (plain scene JSON, passed through Excalidraw's
   * restoreElements so missing fields are filled in and bindings repaired). `undoable` puts the
   * change on the undo stack (a Mermaid paste); a reload from the server does not. Returns the
   * version hash of the new elements (CanvasChange.version).
   */
  replaceElements(elements: readonly unknown[], options: { undoable: boolean }): number;
  /** Sets or clears customData.probeKind = "store" on the selected rectangles and ellipses. */
  markSelectedAsStore(store: boolean): void;
  /** Re-reads the canvas's position and size (after it was hidden and shown again). */
  refresh(): void;
}

/** The kinds of shape that can be marked as a store; a diamond is a decision (to-text.ts). */
export const STORE_SHAPES: ReadonlySet<string> = new Set(["rectangle", "ellipse"]);
export const STORE_KIND = "store";

export function isStore(element: CanvasElement): boolean {
  return element.customData?.probeKind === STORE_KIND;
}
