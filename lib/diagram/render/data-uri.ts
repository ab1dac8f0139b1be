import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { type SvgOptions, sceneToSvg } from "./scene-svg";

/**
 * The drawing as an SVG data URI. Base64 rather than percent-encoding, so no character of a
 * label can end the URI or the attribute holding it; built without Buffer, so it runs anywhere.
 */
export function svgDataUri(scene: ExcalidrawScene, options: SvgOptions = {}): string {
  const bytes = new TextEncoder().encode(sceneToSvg(scene, options));
  let binary = "";
  // In slices: spreading a whole large drawing into one call would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
