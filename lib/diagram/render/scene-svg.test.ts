import { describe, expect, it } from "vitest";
import { diagramToScene } from "@/lib/diagram/excalidraw/from-text";
import { readScene } from "@/lib/diagram/excalidraw/scene";
import { arrow, base, box, type Raw, text } from "@/lib/diagram/excalidraw/testing/scenes";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { sceneToSvg } from "./scene-svg";
import { diagramSummary } from "./summary";

const scene = (elements: Raw[]) => readScene({ type: "excalidraw", elements });
const tags = (svg: string) => [...svg.matchAll(/<([a-zA-Z]+)[\s>/]/g)].map((m) => m[1]);
const viewBox = (svg: string) =>
  svg
    .match(/viewBox="([^"]+)"/)?.[1]
    ?.split(" ")
    .map(Number);

describe("sceneToSvg", () => {
  it("escapes every label, so markup in one is only ever text", () => {
    const evil = `<img src=x onerror=alert(1)> & "q" 'a' ]]> <script>alert(2)</script>`;
    const svg = sceneToSvg(
      scene([
        box("b", 0, 0, { boundElements: [{ id: "t", type: "text" }] }),
        text("t", 10, 20, evil, { containerId: "b" }),
        base("frame", "f", { x: -20, y: -20, width: 300, height: 200, name: "<b>frame</b>" }),
        text("u", 0, 300, "bad\u0000\u0008char"),
      ]),
      { title: "</title><script>x</script>" },
    );
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &apos;a&apos; ]]&gt;");
    expect(svg).toContain("&lt;b&gt;frame&lt;/b&gt;");
    expect(svg).not.toMatch(/<img|<script|<b>/);
    expect(svg.includes("\u0000") || svg.includes("\u0008")).toBe(false);
    expect(svg).toContain(">badchar<");
    expect(new Set(tags(svg))).toEqual(new Set(["svg", "title", "rect", "text", "tspan"]));
    // Outside text content (where the escaped label may say anything), no attribute runs code.
    const markup = svg.replace(/>[^<]*</g, "><");
    expect(markup).not.toMatch(/href|foreignObject|\son[a-z]+=/i);
    expect(markup).toContain("<tspan");
  });

  it("never copies a colour that is not a plain colour value", () => {
    const svg = sceneToSvg(
      scene([box("b", 0, 0, { strokeColor: 'red" onload="alert(1)', backgroundColor: "url(#x)" })]),
    );
    expect(svg).not.toContain("onload");
    expect(svg).not.toContain("url(");
    expect(svg).toContain('stroke="#1e1e1e"');
  });

  it("fits the view box to the live elements plus padding, skipping deleted ones", () => {
    const svg = sceneToSvg(
      scene([
        box("a", 100, 50, { width: 200, height: 100 }),
        arrow("x", [300, 100], [500, 400]),
        box("gone", 5000, 5000, { isDeleted: true }),
      ]),
    );
    expect(viewBox(svg)).toEqual([100 - 24, 50 - 24, 400 + 48, 350 + 48]);
    expect(svg).not.toContain("5000");
    expect(sceneToSvg(scene([box("gone", 0, 0, { isDeleted: true })]))).not.toContain("<polyline");
  });

  it("draws each kind of element with its own primitive, dashes and arrowheads", () => {
    const svg = sceneToSvg(
      scene([
        box("r", 0, 0),
        base("ellipse", "e", { x: 200, y: 0 }),
        base("diamond", "d", { x: 400, y: 0 }),
        arrow("a", [100, 30], [200, 30], { strokeStyle: "dashed" }),
        text("t", 0, 200, "one\ntwo"),
        base("frame", "f", { x: -10, y: -10, width: 600, height: 100, name: "Online" }),
        base("freedraw", "s", { points: [[0, 0]] }),
      ]),
    );
    expect(svg.match(/<rect /g)).toHaveLength(3); // background, rectangle, frame
    expect(svg).toMatch(/<ellipse cx="250" cy="30" rx="50" ry="30"/);
    expect(svg).toContain('<polygon points="450,0 500,30 450,60 400,30"');
    expect(svg).toMatch(/<polyline points="100,30 200,30"[^>]*stroke-dasharray="8 6"/);
    expect(svg.match(/<polyline /g)).toHaveLength(2); // the line and its head
    expect(svg.match(/<tspan /g)).toHaveLength(2);
    expect(svg).toContain(">Online</text>");
    expect(svg).toMatch(/<rect [^>]*stroke-dasharray="6 4"/);
  });

  it("swaps the default ink for a light one in the dark theme", () => {
    const s = scene([box("r", 0, 0, { strokeColor: "#1e1e1e" }), box("c", 200, 0, { strokeColor: "#e03131" })]);
    const dark = sceneToSvg(s, { dark: true });
    expect(dark).toContain('stroke="#e4e4e7"');
    expect(dark).toContain('stroke="#e03131"');
    expect(dark).toContain('fill="#18181b"');
    expect(sceneToSvg(s)).toContain('fill="#ffffff"');
  });

  it("draws a laid-out Mermaid diagram with every label", () => {
    const s = diagramToScene(
      parseMermaid("flowchart TD\n  A[Retrieval] --> B[(Feature store)]\n  B -.->|x < y| C{ok?}"),
    );
    const svg = sceneToSvg(s);
    for (const label of ["Retrieval", "Feature store", "ok?", "x &lt; y"]) expect(svg).toContain(label);
    expect(diagramSummary(s)).toBe("Diagram: 3 components: Retrieval, Feature store, ok?");
  });
});
