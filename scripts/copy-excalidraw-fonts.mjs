/**
 * Copies Excalidraw's fonts into public/excalidraw/fonts, so the canvas loads them from the app's
 * own origin: the Content-Security-Policy allows `font-src 'self'` only, and Excalidraw would
 * otherwise fetch them from a CDN (esm.sh). The canvas points `window.EXCALIDRAW_ASSET_PATH` at
 * /excalidraw/ (components/diagram/excalidraw-canvas.tsx). Run before `next dev` and `next build`;
 * the copy is generated (git-ignored), and replaced whole so an upgrade leaves no stale fonts.
 */
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "node_modules", "@excalidraw", "excalidraw", "dist", "prod", "fonts");
const target = path.join(root, "public", "excalidraw", "fonts");

if (!existsSync(source)) {
  console.error(`Excalidraw's fonts are not at ${source}; run npm install first.`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true });
console.log(`Copied Excalidraw's fonts to ${path.relative(root, target)}.`);
