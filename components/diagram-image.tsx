import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { svgDataUri } from "@/lib/diagram/render/data-uri";
import { liveElements, sceneBounds } from "@/lib/diagram/render/scene-svg";
import { diagramSummary } from "@/lib/diagram/render/summary";

/** Below this width a drawing scrolls sideways rather than shrinking further, so its labels stay legible. */
const MIN_SHOWN_WIDTH = 560;
/** sceneToSvg's margin on each side. */
const SVG_PADDING = 24;

/**
 * A drawing as a picture, for pages that show a finished interview (server-rendered, no editor).
 * The SVG is an <img> data URI, so nothing in it can run, and its alt text names the components.
 * One image per theme, the other hidden by the theme class, as the page switches theme without
 * re-rendering. Wide drawings fill the column and scroll on a phone instead of overflowing it.
 */
export function DiagramImage({ scene, title = "Diagram" }: { scene: ExcalidrawScene; title?: string }) {
  const bounds = sceneBounds(liveElements(scene));
  const width = Math.ceil((bounds ? bounds.maxX - bounds.minX : 0) + 2 * SVG_PADDING);
  const alt = diagramSummary(scene);
  const style = { width: "100%", minWidth: Math.min(width, MIN_SHOWN_WIDTH), maxWidth: width };
  return (
    // A scrolling region is focusable, so a keyboard can scroll it (as peer-report's table does).
    <section
      className="max-w-full overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
      tabIndex={0}
      aria-label={title}
      data-testid="diagram-image"
    >
      {/* biome-ignore lint/performance/noImgElement: a data URI has nothing for next/image to optimise. */}
      <img src={svgDataUri(scene, { title })} alt={alt} className="block h-auto dark:hidden" style={style} />
      {/* biome-ignore lint/performance/noImgElement: as above. */}
      <img
        src={svgDataUri(scene, { title, dark: true })}
        alt={alt}
        className="hidden h-auto dark:block"
        style={style}
      />
    </section>
  );
}
