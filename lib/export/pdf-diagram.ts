/**
 * The candidate's drawing on a PDF page with pdf-lib's own primitives (no SVG renderer is
 * available to it), scaled down to fit the area given. Shapes are drawn upright: a turned shape
 * keeps its place and size but not its angle, which is rare on a design diagram.
 */
import { type Color, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { boundsOf } from "@/lib/diagram/excalidraw/geometry";
import type { ExcalidrawElement, ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { liveElements, sceneBounds } from "@/lib/diagram/render/scene-svg";

const INK = rgb(0.12, 0.12, 0.12);
const FRAME_INK = rgb(0.44, 0.44, 0.48);
const DEFAULT_FONT_SIZE = 20;
const DEFAULT_LINE_HEIGHT = 1.25;

export interface DiagramArea {
  /** Left and top edges, in PDF points (y grows upwards). */
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Pen {
  page: PDFPage;
  font: PDFFont;
  /** Text as the font can encode it (see Flow.sanitise in to-pdf.ts). */
  sanitise: (text: string) => string;
  x: (sceneX: number) => number;
  y: (sceneY: number) => number;
  scale: number;
}

/** #rgb or #rrggbb as a pdf-lib colour; anything else is the default ink. */
function colourOf(value: unknown): Color {
  if (typeof value !== "string") return INK;
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value)?.[1];
  if (!hex) return INK;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

function stroke(el: ExcalidrawElement, pen: Pen) {
  const width = Math.max(0.5, (typeof el.strokeWidth === "number" ? el.strokeWidth : 2) * pen.scale);
  const dash =
    el.strokeStyle === "dashed"
      ? [6 * pen.scale, 4 * pen.scale]
      : el.strokeStyle === "dotted"
        ? [1.5 * pen.scale, 4 * pen.scale]
        : undefined;
  return { color: colourOf(el.strokeColor), width, dash };
}

function line(pen: Pen, from: [number, number], to: [number, number], s: ReturnType<typeof stroke>): void {
  pen.page.drawLine({
    start: { x: pen.x(from[0]), y: pen.y(from[1]) },
    end: { x: pen.x(to[0]), y: pen.y(to[1]) },
    thickness: s.width,
    color: s.color,
    dashArray: s.dash,
  });
}

function shape(el: ExcalidrawElement, pen: Pen): void {
  const b = boundsOf(el);
  const s = stroke(el, pen);
  const [w, h] = [(b.maxX - b.minX) * pen.scale, (b.maxY - b.minY) * pen.scale];
  const border = { borderColor: s.color, borderWidth: s.width, borderDashArray: s.dash };
  if (el.type === "ellipse") {
    pen.page.drawEllipse({
      x: pen.x(b.minX) + w / 2,
      y: pen.y(b.minY) - h / 2,
      xScale: w / 2,
      yScale: h / 2,
      ...border,
    });
  } else if (el.type === "diamond") {
    const [cx, cy] = [(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2];
    const corners: Array<[number, number]> = [
      [cx, b.minY],
      [b.maxX, cy],
      [cx, b.maxY],
      [b.minX, cy],
    ];
    corners.forEach((corner, i) => {
      line(pen, corner, corners[(i + 1) % 4] ?? corner, s);
    });
  } else {
    pen.page.drawRectangle({ x: pen.x(b.minX), y: pen.y(b.maxY), width: w, height: h, ...border });
  }
}

function linear(el: ExcalidrawElement, pen: Pen): void {
  const fallback: Array<[number, number]> = [
    [0, 0],
    [el.width, el.height],
  ];
  const pts = (el.points && el.points.length >= 2 ? el.points : fallback).map(([x, y]): [number, number] => [
    el.x + x,
    el.y + y,
  ]);
  const s = stroke(el, pen);
  for (let i = 1; i < pts.length; i += 1) line(pen, pts[i - 1] ?? [0, 0], pts[i] ?? [0, 0], s);
  const head = (tip: [number, number] | undefined, from: [number, number] | undefined) => {
    if (!tip || !from) return;
    const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
    for (const side of [1, -1]) {
      const a = angle + Math.PI - side * (Math.PI / 7);
      line(pen, tip, [tip[0] + 12 * Math.cos(a), tip[1] + 12 * Math.sin(a)], { ...s, dash: undefined });
    }
  };
  const endHead = el.type === "arrow" ? el.endArrowhead !== null : Boolean(el.endArrowhead);
  if (endHead) head(pts.at(-1), pts.at(-2));
  if (el.startArrowhead) head(pts[0], pts[1]);
}

function text(el: ExcalidrawElement, pen: Pen): void {
  const fontSize = typeof el.fontSize === "number" && el.fontSize > 0 ? el.fontSize : DEFAULT_FONT_SIZE;
  const lineHeight = typeof el.lineHeight === "number" && el.lineHeight > 0 ? el.lineHeight : DEFAULT_LINE_HEIGHT;
  const size = fontSize * pen.scale;
  const lines = (el.text ?? el.originalText ?? "").split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const content = pen.sanitise(raw);
    if (content === "") return;
    const width = pen.font.widthOfTextAtSize(content, size);
    const left =
      el.textAlign === "center"
        ? pen.x(el.x + el.width / 2) - width / 2
        : el.textAlign === "right"
          ? pen.x(el.x + el.width) - width
          : pen.x(el.x);
    const baseline = pen.y(el.y + (i + 0.5) * fontSize * lineHeight) - size * 0.35;
    pen.page.drawText(content, { x: left, y: baseline, size, font: pen.font, color: colourOf(el.strokeColor) });
  });
}

function frame(el: ExcalidrawElement, pen: Pen): void {
  const b = boundsOf(el);
  pen.page.drawRectangle({
    x: pen.x(b.minX),
    y: pen.y(b.maxY),
    width: (b.maxX - b.minX) * pen.scale,
    height: (b.maxY - b.minY) * pen.scale,
    borderColor: FRAME_INK,
    borderWidth: 1,
    borderDashArray: [4, 3],
  });
  const name = pen.sanitise(el.name?.trim() || "Frame");
  pen.page.drawText(name, { x: pen.x(b.minX), y: pen.y(b.minY) + 4, size: 9, font: pen.font, color: FRAME_INK });
}

/** Draws the scene's live elements into `area`, shrunk to fit (never enlarged past 1 pt per px). */
export function drawDiagram(
  page: PDFPage,
  scene: ExcalidrawScene,
  options: { font: PDFFont; sanitise: (text: string) => string; area: DiagramArea },
): void {
  const live = liveElements(scene);
  const bounds = sceneBounds(live);
  if (!bounds) return;
  const { area } = options;
  const scale = Math.min(
    1,
    area.width / Math.max(1, bounds.maxX - bounds.minX),
    area.height / Math.max(1, bounds.maxY - bounds.minY),
  );
  const pen: Pen = {
    page,
    font: options.font,
    sanitise: options.sanitise,
    x: (x) => area.left + (x - bounds.minX) * scale,
    y: (y) => area.top - (y - bounds.minY) * scale,
    scale,
  };
  for (const el of live) {
    if (el.type === "rectangle" || el.type === "ellipse" || el.type === "diamond") shape(el, pen);
    else if (el.type === "arrow" || el.type === "line") linear(el, pen);
    else if (el.type === "text") text(el, pen);
    else if (el.type === "frame" || el.type === "magicframe") frame(el, pen);
  }
}
