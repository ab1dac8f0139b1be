/**
 * An Excalidraw scene drawn as a standalone SVG (issue 16), for the transcript, the shared page
 * and the exports, where the editor itself (a client-side React app) is not loaded. Clean lines
 * rather than Excalidraw's hand-drawn strokes: the point is to read the design.
 *
 * Labels are user input, so the output is built from a fixed set of tags whose every text and
 * attribute value is escaped; it has no scripts, links, foreign objects or event attributes, and
 * a colour is copied only when it is a plain colour value.
 */
import { boundsOf, rotate } from "@/lib/diagram/excalidraw/geometry";
import type { ExcalidrawElement, ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { MAX_DIAGRAM_ELEMENTS } from "@/lib/diagram/types";

const PADDING = 24;
const DEFAULT_FONT_SIZE = 20;
const DEFAULT_LINE_HEIGHT = 1.25;
const FONT = "ui-sans-serif, system-ui, sans-serif";
/** Excalidraw's default inks, which the dark theme swaps for a light ink as the canvas does. */
const DEFAULT_INKS = new Set(["#1e1e1e", "#000", "#000000", "black"]);
const SAFE_COLOUR = /^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/;

interface Theme {
  ink: string;
  background: string;
  frame: string;
}
const LIGHT: Theme = { ink: "#1e1e1e", background: "#ffffff", frame: "#71717a" };
const DARK: Theme = { ink: "#e4e4e7", background: "#18181b", frame: "#a1a1aa" };

export interface SvgOptions {
  dark?: boolean;
  /** A title for assistive technology, kept in the file. */
  title?: string;
}

interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** XML text and attribute values: markup characters escaped, characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A coordinate to two decimals; anything not finite becomes 0 rather than breaking the file. */
const n = (value: number) => (Number.isFinite(value) ? String(Math.round(value * 100) / 100) : "0");

/** Live elements as the reader sees them: not deleted, first of any sharing an id, at most the limit. */
export function liveElements(scene: ExcalidrawScene): ExcalidrawElement[] {
  const seen = new Set<string>();
  const live: ExcalidrawElement[] = [];
  for (const el of scene.elements) {
    if (live.length >= MAX_DIAGRAM_ELEMENTS) break;
    if (el.isDeleted || seen.has(el.id)) continue;
    seen.add(el.id);
    live.push(el);
  }
  return live;
}

/** Absolute points of a line or arrow, turned by its angle about its centre as Excalidraw does. */
function linePoints(el: ExcalidrawElement): Array<{ x: number; y: number }> {
  const fallback: Array<[number, number]> = [
    [0, 0],
    [el.width, el.height],
  ];
  const pts = el.points && el.points.length >= 2 ? el.points : fallback;
  const xs = pts.map(([x]) => x);
  const ys = pts.map(([, y]) => y);
  const c = {
    x: el.x + (Math.min(...xs) + Math.max(...xs)) / 2,
    y: el.y + (Math.min(...ys) + Math.max(...ys)) / 2,
  };
  return pts.map(([x, y]) => rotate({ x: el.x + x, y: el.y + y }, c, el.angle ?? 0));
}

function isLinear(el: ExcalidrawElement): boolean {
  return el.type === "arrow" || el.type === "line";
}

/** The box every live element fits in, rotation included. */
export function sceneBounds(elements: ExcalidrawElement[]): Rect | null {
  let r: Rect | null = null;
  const add = (p: { x: number; y: number }) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
    r = r
      ? {
          minX: Math.min(r.minX, p.x),
          minY: Math.min(r.minY, p.y),
          maxX: Math.max(r.maxX, p.x),
          maxY: Math.max(r.maxY, p.y),
        }
      : { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
  };
  for (const el of elements) {
    if (isLinear(el)) {
      for (const p of linePoints(el)) add(p);
      continue;
    }
    const b = boundsOf(el);
    const c = { x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 };
    for (const [x, y] of [
      [b.minX, b.minY],
      [b.maxX, b.minY],
      [b.maxX, b.maxY],
      [b.minX, b.maxY],
    ] as const) {
      add(rotate({ x, y }, c, b.angle));
    }
    // A frame's title sits above its top edge.
    if (el.type === "frame" || el.type === "magicframe") add({ x: b.minX, y: b.minY - 24 });
  }
  return r;
}

function colour(value: unknown, fallback: string, theme: Theme): string {
  if (typeof value !== "string" || !SAFE_COLOUR.test(value) || value === "transparent") return fallback;
  return DEFAULT_INKS.has(value.toLowerCase()) ? theme.ink : value;
}

function strokeAttrs(el: ExcalidrawElement, theme: Theme): string {
  const width = typeof el.strokeWidth === "number" && el.strokeWidth > 0 ? Math.min(el.strokeWidth, 16) : 2;
  const dash =
    el.strokeStyle === "dashed"
      ? ' stroke-dasharray="8 6"'
      : el.strokeStyle === "dotted"
        ? ' stroke-dasharray="2 5"'
        : "";
  const opacity =
    typeof el.opacity === "number" && el.opacity < 100 ? ` opacity="${n(Math.max(el.opacity, 0) / 100)}"` : "";
  return `stroke="${escapeXml(colour(el.strokeColor, theme.ink, theme))}" stroke-width="${n(width)}"${dash}${opacity}`;
}

function fillAttr(el: ExcalidrawElement, theme: Theme): string {
  const fill = colour(el.backgroundColor, "none", theme);
  return `fill="${escapeXml(fill)}"${fill === "none" ? "" : ' fill-opacity="0.35"'}`;
}

/** The rotate() transform for a turned shape, about its centre; "" when it is upright. */
function turn(el: ExcalidrawElement): string {
  const angle = el.angle ?? 0;
  if (!angle || !Number.isFinite(angle)) return "";
  const b = boundsOf(el);
  return ` transform="rotate(${n((angle * 180) / Math.PI)} ${n((b.minX + b.maxX) / 2)} ${n((b.minY + b.maxY) / 2)})"`;
}

function arrowhead(tip: { x: number; y: number }, from: { x: number; y: number }, stroke: string): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const size = 12;
  const wing = (side: number) => {
    const a = angle + Math.PI - side * (Math.PI / 7);
    return `${n(tip.x + size * Math.cos(a))},${n(tip.y + size * Math.sin(a))}`;
  };
  return `<polyline points="${wing(1)} ${n(tip.x)},${n(tip.y)} ${wing(-1)}" fill="none" ${stroke}/>`;
}

function linear(el: ExcalidrawElement, theme: Theme): string {
  const pts = linePoints(el);
  const stroke = strokeAttrs(el, theme);
  const solid = stroke.replace(/ stroke-dasharray="[^"]*"/, "");
  const parts = [
    `<polyline points="${pts.map((p) => `${n(p.x)},${n(p.y)}`).join(" ")}" fill="none" ${stroke} stroke-linejoin="round" stroke-linecap="round"/>`,
  ];
  const [first, second] = pts;
  const [last, beforeLast] = [pts.at(-1), pts.at(-2)];
  const endHead = el.type === "arrow" ? (el.endArrowhead === undefined ? "arrow" : el.endArrowhead) : el.endArrowhead;
  if (endHead && last && beforeLast) parts.push(arrowhead(last, beforeLast, solid));
  if (el.startArrowhead && first && second) parts.push(arrowhead(first, second, solid));
  return parts.join("");
}

function text(el: ExcalidrawElement, theme: Theme): string {
  const fontSize = typeof el.fontSize === "number" && el.fontSize > 0 ? el.fontSize : DEFAULT_FONT_SIZE;
  const lineHeight = typeof el.lineHeight === "number" && el.lineHeight > 0 ? el.lineHeight : DEFAULT_LINE_HEIGHT;
  const lines = (el.text ?? el.originalText ?? "").split(/\r\n|\r|\n/);
  const align = el.textAlign === "center" ? "middle" : el.textAlign === "right" ? "end" : "start";
  const x = align === "middle" ? el.x + el.width / 2 : align === "end" ? el.x + el.width : el.x;
  const step = fontSize * lineHeight;
  // The first baseline sits about 0.8 em below the top of its line box, as in Excalidraw.
  const top = el.y + (step - fontSize) / 2 + fontSize * 0.8;
  const spans = lines
    .map((line, i) => `<tspan x="${n(x)}" y="${n(top + i * step)}">${escapeXml(line)}</tspan>`)
    .join("");
  const fill = escapeXml(colour(el.strokeColor, theme.ink, theme));
  return `<text font-family="${FONT}" font-size="${n(fontSize)}" text-anchor="${align}" fill="${fill}" xml:space="preserve"${turn(el)}>${spans}</text>`;
}

function frame(el: ExcalidrawElement, theme: Theme): string {
  const b = boundsOf(el);
  const name = el.name?.trim() || "Frame";
  return (
    `<rect x="${n(b.minX)}" y="${n(b.minY)}" width="${n(b.maxX - b.minX)}" height="${n(b.maxY - b.minY)}" rx="8" fill="none" stroke="${theme.frame}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
    `<text x="${n(b.minX)}" y="${n(b.minY - 8)}" font-family="${FONT}" font-size="14" fill="${theme.frame}">${escapeXml(name)}</text>`
  );
}

function shape(el: ExcalidrawElement, theme: Theme): string {
  const b = boundsOf(el);
  const [w, h] = [b.maxX - b.minX, b.maxY - b.minY];
  const attrs = `${fillAttr(el, theme)} ${strokeAttrs(el, theme)}${turn(el)}`;
  if (el.type === "ellipse") {
    return `<ellipse cx="${n(b.minX + w / 2)}" cy="${n(b.minY + h / 2)}" rx="${n(w / 2)}" ry="${n(h / 2)}" ${attrs}/>`;
  }
  if (el.type === "diamond") {
    const [cx, cy] = [b.minX + w / 2, b.minY + h / 2];
    const points = [`${n(cx)},${n(b.minY)}`, `${n(b.maxX)},${n(cy)}`, `${n(cx)},${n(b.maxY)}`, `${n(b.minX)},${n(cy)}`];
    return `<polygon points="${points.join(" ")}" stroke-linejoin="round" ${attrs}/>`;
  }
  const rx = el.roundness ? Math.min(12, w / 4, h / 4) : 0;
  return `<rect x="${n(b.minX)}" y="${n(b.minY)}" width="${n(w)}" height="${n(h)}" rx="${n(rx)}" ${attrs}/>`;
}

function draw(el: ExcalidrawElement, theme: Theme): string {
  if (el.type === "rectangle" || el.type === "ellipse" || el.type === "diamond") return shape(el, theme);
  if (isLinear(el)) return linear(el, theme);
  if (el.type === "text") return text(el, theme);
  if (el.type === "frame" || el.type === "magicframe") return frame(el, theme);
  // Freehand strokes, images and embeds are left out: the design is in the shapes and arrows.
  return "";
}

/** The scene as an SVG document sized to its live elements plus a margin. */
export function sceneToSvg(scene: ExcalidrawScene, options: SvgOptions = {}): string {
  const theme = options.dark ? DARK : LIGHT;
  const live = liveElements(scene);
  const r = sceneBounds(live) ?? { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  const [x, y] = [r.minX - PADDING, r.minY - PADDING];
  const [w, h] = [r.maxX - r.minX + 2 * PADDING, r.maxY - r.minY + 2 * PADDING];
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : "";
  const body = live.map((el) => draw(el, theme)).join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(x)} ${n(y)} ${n(w)} ${n(h)}" width="${n(w)}" height="${n(h)}" role="img">` +
    `${title}<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${theme.background}"/>${body}</svg>`
  );
}
