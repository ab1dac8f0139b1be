import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { DiagramImage } from "./diagram-image";

describe("DiagramImage", () => {
  it("renders a light and a dark image with the components as alt text, and no label as markup", () => {
    const scene = diagramToScene(parseMermaid('flowchart TD\n  A["<img src=x onerror=alert(1)>"] --> B[(Store)]'));
    const html = renderToStaticMarkup(createElement(DiagramImage, { scene, title: "Diagram" }));
    const images = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([^"]+)" alt="([^"]*)"/g)];
    expect(images).toHaveLength(2);
    expect(images[0]?.[2]).toBe("Diagram: 2 components: &lt;img src=x onerror=alert(1)&gt;, Store");
    // The only <img> tags are the two pictures; the label is text inside their SVG, escaped.
    expect(html.match(/<img /g)).toHaveLength(2);
    const [light, dark] = images.map((m) => Buffer.from(m[1] ?? "", "base64").toString("utf8"));
    // Wrapped onto two lines, each escaped.
    expect(light).toContain(">&lt;img src=x</tspan>");
    expect(light).toContain(">onerror=alert(1)&gt;</tspan>");
    expect(light).not.toContain("<img");
    expect(light).toContain('fill="#ffffff"');
    expect(dark).toContain('fill="#18181b"');
    expect(html).toContain('tabindex="0"');
    expect(html).toMatch(/max-width:\d+px/);
  });
});
