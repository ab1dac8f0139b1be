/**
 * Excalidraw names two sources in every FontFace it creates: the self-hosted copy under
 * EXCALIDRAW_ASSET_PATH, then a CDN copy on esm.sh that it always appends as a fallback. The
 * Content-Security-Policy allows `font-src 'self'` only, and Chromium reports the CDN source as a
 * violation (one console error per font, some 230 of them) even though the first source loads.
 * Excalidraw has no setting for the fallback, so the FontFace constructor drops sources on other
 * origins before Excalidraw loads: every font it names is then this origin's copy, which
 * scripts/copy-excalidraw-fonts.mjs puts there. FontFaces given as bytes, or naming only local
 * fonts, pass through unchanged.
 */
const MARK = Symbol.for("probe.sameOriginFontFace");

/** A CSS `src` list without the `url(...)` entries that point off this origin. */
export function sameOriginSources(source: string, origin: string): string {
  const entries = source.split(/,\s*(?=url\()/);
  const kept = entries.filter((entry) => {
    const url = /^url\(\s*["']?([^"')]+)/.exec(entry.trim())?.[1];
    return url === undefined || new URL(url, origin).origin === origin;
  });
  // A list with nothing of ours left stays as it was, so a font we do not host still fails loudly.
  return kept.length > 0 ? kept.join(", ") : source;
}

export function keepFontsOnThisOrigin(): void {
  const Native = window.FontFace as typeof FontFace & { [MARK]?: true };
  if (Native[MARK]) return;
  const origin = window.location.origin;
  class SameOriginFontFace extends Native {
    static readonly [MARK] = true;
    constructor(family: string, source: string | BufferSource, descriptors?: FontFaceDescriptors) {
      super(family, typeof source === "string" ? sameOriginSources(source, origin) : source, descriptors);
    }
  }
  window.FontFace = SameOriginFontFace;
}
