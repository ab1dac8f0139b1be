import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAnnotations } from "@/lib/diagram/annotations";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { arbitraryDiagram } from "@/lib/diagram/testing/arbitrary-diagram";
import type { DiagramText } from "@/lib/diagram/types";
import { diagramToScene } from "./from-text";
import { boundsOf } from "./geometry";
import { type ExcalidrawElement, readScene } from "./scene";
import { sceneToDiagram } from "./to-text";

const FUNNEL = `flowchart TD
  subgraph online["Online serving"]
    R[Candidate retrieval<br>10M to 1000] --> K[Ranking model p99 30 ms]
    K --> RR{Re-rank?}
  end
  FS[(Feature store)] -.->|features| K
  RR -->|top 50| U[Feed]
  L[(Event log)] -.-> T[Nightly training]
  T -.->|weights| K
  N[Cold start: popular items]:::note
`;

/** The reader flattens line breaks and trims; an unnamed frame reads as "Frame". */
const flat = (s: string) => s.replace(/\s*(?:\r\n|\r|\n)\s*/g, " ").trim();
const groupName = (g: string | null) => (g === null ? null : g.trim() || "Frame");

/** What must survive the trip, independent of ids and order. */
function essence(d: DiagramText) {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const end = (id: string | null) => {
    const n = id === null ? undefined : byId.get(id);
    return n ? `${n.kind}:${flat(n.label)}` : null;
  };
  return {
    nodes: d.nodes.map((n) => [n.kind, flat(n.label), groupName(n.group)]).sort(),
    edges: d.edges.map((e) => [end(e.from), end(e.to), flat(e.label), e.dashed]).sort(),
  };
}

const byId = (elements: ExcalidrawElement[]) => new Map(elements.map((el) => [el.id, el]));

describe("diagramToScene", () => {
  const diagram = parseMermaid(FUNNEL);
  const scene = diagramToScene(diagram);

  it("draws a Mermaid funnel that reads back to the same diagram", () => {
    expect(readScene(JSON.parse(JSON.stringify(scene)))).toEqual(scene);
    expect(essence(sceneToDiagram(scene))).toEqual(essence(diagram));
    const kinds = scene.elements.map((el) => el.type);
    expect(kinds.filter((t) => t === "rectangle")).toHaveLength(4);
    expect(kinds.filter((t) => t === "ellipse")).toHaveLength(2);
    expect(kinds.filter((t) => t === "diamond")).toHaveLength(1);
    expect(kinds.filter((t) => t === "arrow")).toHaveLength(diagram.edges.length);
    expect(scene.elements.filter((el) => el.customData?.probeKind === "store")).toHaveLength(2);
  });

  it("binds arrows both ways, keeps them clear of other shapes, and dashes dashed edges", () => {
    const els = byId(scene.elements);
    for (const arrow of scene.elements.filter((el) => el.type === "arrow")) {
      for (const binding of [arrow.startBinding, arrow.endBinding]) {
        expect(binding).toMatchObject({ focus: 0, gap: 4 });
        const shape = els.get(binding?.elementId ?? "");
        expect(shape?.boundElements).toContainEqual({ id: arrow.id, type: "arrow" });
      }
      expect(arrow.points?.[0]).toEqual([0, 0]);
      expect(arrow.points?.length).toBeGreaterThanOrEqual(2);
    }
    const dashed = scene.elements.filter((el) => el.type === "arrow" && el.strokeStyle === "dashed");
    expect(dashed).toHaveLength(diagram.edges.filter((e) => e.dashed).length);
    const labelled = scene.elements.filter(
      (el) => el.type === "text" && els.get(el.containerId ?? "")?.type === "arrow",
    );
    expect(labelled.map((t) => t.originalText).sort()).toEqual(["features", "top 50", "weights"]);
  });

  it("centres bound text in its shape and sizes every shape to hold its label", () => {
    const els = byId(scene.elements);
    for (const text of scene.elements.filter((el) => el.type === "text" && el.containerId)) {
      const box = els.get(text.containerId ?? "");
      if (!box || box.type === "arrow") continue;
      expect(box.boundElements).toContainEqual({ id: text.id, type: "text" });
      expect(text.x + text.width / 2).toBeCloseTo(box.x + box.width / 2, 5);
      expect(text.y + text.height / 2).toBeCloseTo(box.y + box.height / 2, 5);
      expect(text.width).toBeLessThan(box.width);
      expect(text.height).toBeLessThan(box.height);
    }
    // "Candidate retrieval 10M to 1000" is wider than one line allows, so its text wraps.
    const retrieval = scene.elements.find((el) => el.originalText === "Candidate retrieval 10M to 1000");
    expect(retrieval?.text).toContain("\n");
  });

  it("lays the funnel out top to bottom and puts the subgraph in a frame around its members", () => {
    const at = (label: string) => {
      const text = scene.elements.find((el) => el.originalText === label);
      return scene.elements.find((el) => el.id === text?.containerId) ?? text;
    };
    const [r, k, rr, u] = ["Candidate retrieval 10M to 1000", "Ranking model p99 30 ms", "Re-rank?", "Feed"].map(at);
    expect(r && k && rr && u).toBeTruthy();
    expect((r?.y ?? 0) < (k?.y ?? 0) && (k?.y ?? 0) < (rr?.y ?? 0) && (rr?.y ?? 0) < (u?.y ?? 0)).toBe(true);

    const frame = scene.elements.find((el) => el.type === "frame");
    expect(frame?.name).toBe("Online serving");
    const members = scene.elements.filter((el) => el.frameId === frame?.id);
    expect(members.map((el) => el.originalText ?? el.type).sort()).toEqual(
      [
        "Candidate retrieval 10M to 1000",
        "Ranking model p99 30 ms",
        "Re-rank?",
        "diamond",
        "rectangle",
        "rectangle",
      ].sort(),
    );
    const f = frame ? boundsOf(frame) : null;
    for (const m of members.map(boundsOf)) {
      expect(m.minX >= (f?.minX ?? 0) && m.maxX <= (f?.maxX ?? 0)).toBe(true);
      expect(m.minY >= (f?.minY ?? 0) && m.maxY <= (f?.maxY ?? 0)).toBe(true);
    }
  });

  it("draws a note as free text and gives every element the fields the editor requires", () => {
    const note = scene.elements.find((el) => el.originalText === "Cold start: popular items");
    expect(note).toMatchObject({ type: "text", containerId: null });
    for (const el of scene.elements) {
      expect(el).toMatchObject({ isDeleted: false, version: 1, angle: 0, groupIds: [], opacity: 100 });
      for (const field of ["seed", "versionNonce", "strokeWidth", "roughness"]) {
        expect(Number.isInteger(el[field]) && (el[field] as number) >= 0).toBe(true);
      }
      expect(el.seed).toBeGreaterThan(0);
    }
    expect(new Set(scene.elements.map((el) => el.id)).size).toBe(scene.elements.length);
  });

  it("is deterministic, and keeps a node's ids when an unrelated node is added", () => {
    expect(diagramToScene(parseMermaid(FUNNEL))).toEqual(scene);
    const more = diagramToScene(parseMermaid(`${FUNNEL}  Z[Another box]\n`));
    const id = (s: typeof scene) => s.elements.find((el) => el.originalText === "Feed")?.containerId;
    expect(id(more)).toBe(id(scene));
  });

  it("leaves a loose arrow end unbound and clear of every shape", () => {
    const loose = diagramToScene({
      nodes: [{ id: "A", kind: "component", label: "A", annotations: readAnnotations(""), group: null }],
      edges: [
        { from: "A", to: null, label: "out", annotations: readAnnotations(""), dashed: false },
        { from: null, to: null, label: "", annotations: readAnnotations(""), dashed: true },
      ],
    });
    const arrows = loose.elements.filter((el) => el.type === "arrow");
    expect(arrows.map((a) => [Boolean(a.startBinding), a.endBinding ?? null])).toEqual([
      [true, null],
      [false, null],
    ]);
    expect(sceneToDiagram(loose).edges.map((e) => [e.from === null, e.to, e.label, e.dashed])).toEqual([
      [false, null, "out", false],
      [true, null, "", true],
    ]);
  });
});

/** Labels that stress sizing and the reader: empty, markup, long words, breaks, wide characters. */
const label = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", "Ranking <b>&amp;</b>", "x".repeat(70), "two\nlines", "p99 20 ms; 1000 → 100", "日本語 ✓ 🚀"),
);
const diagram = arbitraryDiagram({
  ids: fc.string({ minLength: 1, maxLength: 6 }),
  label,
  group: fc.constantFrom("Online", "Offline", " "),
  maxNodes: 10,
  maxEdges: 10,
});

describe("diagramToScene: property", () => {
  it("reads back to the same labels, kinds, arrows, dashes and groups", () => {
    fc.assert(
      fc.property(diagram, (d) => {
        const scene = diagramToScene(d);
        expect(essence(sceneToDiagram(readScene(JSON.parse(JSON.stringify(scene)))))).toEqual(essence(d));
      }),
      { numRuns: 200 },
    );
  });
});
