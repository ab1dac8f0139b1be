"use client";

import dynamic from "next/dynamic";
import { keepFontsOnThisOrigin } from "./font-sources";

/** Where scripts/copy-excalidraw-fonts.mjs puts Excalidraw's fonts (under public/). */
const ASSET_PATH = "/excalidraw/";

declare global {
  interface Window {
    /** Excalidraw's documented setting for where it loads its fonts from (a CDN without it). */
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

/**
 * The Excalidraw editor, loaded in the browser only (it needs a DOM) and only when the panel
 * first shows it. The asset path is set, and the CDN fallback removed (font-sources.ts), before
 * the module is imported, so every font it asks for comes from this origin, which the
 * Content-Security-Policy (`font-src 'self'`) allows.
 */
export const LazyCanvas = dynamic(
  async () => {
    window.EXCALIDRAW_ASSET_PATH = ASSET_PATH;
    keepFontsOnThisOrigin();
    return import("./excalidraw-canvas");
  },
  {
    ssr: false,
    loading: () => (
      <p className="p-4 text-sm text-muted" data-testid="diagram-loading">
        Loading the canvas…
      </p>
    ),
  },
);
