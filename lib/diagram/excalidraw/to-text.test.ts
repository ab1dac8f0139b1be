import { describe, expect, it } from "vitest";
import { parseScene } from "./scene";
import { arrow, base, box, edges, nodes, read, text } from "./testing/scenes";
import { sceneToDiagram } from "./to-text";

const threeBoxes = [
  box("a", 0, 0, { boundElements: [{ id: "ta", type: "text" }] }),
  text("ta", 10, 20, "Retrieval", { containerId: "a" }),
  box("b", 300, 0),
  text("tb", 310, 20, "Ranker", { containerId: "b" }),
  box("c", 600, 0),
  text("tc", 610, 20, "Cache", { containerId: "c" }),
];

describe("sceneToDiagram: nodes and edges", () => {
  it("reads boxes and arrows joined by bindings, wherever the arrows were left", () => {
    const scene = [
      ...threeBoxes,
      // Far from both boxes: only the bindings say where these go.
      arrow("ab", [150, 200], [250, 200], { startBinding: { elementId: "a" }, endBinding: { elementId: "b" } }),
      arrow("bc", [450, 200], [550, 200], { startBinding: { elementId: "b" }, endBinding: { elementId: "tc" } }),
    ];
    expect(nodes(scene)).toEqual([
      ["a", "component", "Retrieval", null],
      ["b", "component", "Ranker", null],
      ["c", "component", "Cache", null],
    ]);
    expect(edges(scene)).toEqual([
      ["a", "b", "", false],
      ["b", "c", "", false],
    ]);
  });

  it("attaches unbound arrow ends by geometry, within the tolerance, and leaves a loose end null", () => {
    const scene = [
      ...threeBoxes,
      arrow("ab", [106, 30], [294, 30]), // 6 px short at both ends: touches
      arrow("bc", [400, 30], [591, 30]), // 9 px short of c (tolerance is 8): loose
      arrow("c-", [650, 60], [650, 300]), // leaves c into empty canvas
      arrow("-a", [50, -200], [50, 0]),
      arrow("cc", [700, 10], [700, 50]), // both ends on c: a loop, kept
    ];
    expect(edges(scene)).toEqual([
      ["a", "b", "", false],
      ["b", null, "", false],
      ["c", null, "", false],
      [null, "a", "", false],
      ["c", "c", "", false],
    ]);
  });

  it("attaches to the smallest shape holding an arrow end, and falls back to geometry past a deleted binding", () => {
    const scene = [
      box("outer", 0, 0, { width: 400, height: 300 }),
      box("inner", 50, 50),
      box("gone", 500, 0, { isDeleted: true }),
      box("z", 700, 0),
      arrow("e", [100, 80], [700, 30], { startBinding: { elementId: "gone" } }),
    ];
    expect(edges(scene)).toEqual([["inner", "z", "", false]]);
  });

  it("labels shapes with bound text, with free text inside them, and makes free text outside a note", () => {
    const scene = [
      box("a", 0, 0, { boundElements: [{ id: "ta", type: "text" }] }), // listed only by the box
      text("ta", 5, 5, "Feature\nstore"),
      text("free-in", 10, 35, "p99 20 ms"), // centre inside a, not bound
      box("b", 300, 0),
      text("tb", 305, 5, "  Ranker  ", { containerId: "b" }), // bound only by containerId
      text("note", 0, 200, "Offline path\nruns nightly"),
      box("blank", 300, 200),
    ];
    const diagram = read(scene);
    expect(diagram.nodes.map((n) => [n.id, n.kind, n.label])).toEqual([
      ["a", "component", "Feature store p99 20 ms"],
      ["b", "component", "Ranker"],
      ["note", "note", "Offline path runs nightly"],
      ["blank", "component", ""],
    ]);
    expect(diagram.nodes[0]?.annotations.quantities.map((q) => q.kind)).toContain("duration");
  });

  it("reads free text inside a turned box by turning it back", () => {
    // A 200x20 box turned a quarter: it stands upright, 20 wide and 200 tall, centred at (100, 10).
    const turned = box("t", 0, 0, { width: 200, height: 20, angle: Math.PI / 2 });
    expect(nodes([turned, text("in", 92, 70, "x")]).map((n) => n[2])).toEqual(["x"]);
    expect(nodes([turned, text("out", 160, 0, "x")]).map((n) => n[0])).toEqual(["t", "out"]);
  });

  it("reads a dashed or dotted arrow's bound label and its count change", () => {
    const scene = [
      ...threeBoxes,
      arrow("ab", [100, 30], [300, 30], { strokeStyle: "dashed" }),
      text("lab", 150, 20, "1000 to 100", { containerId: "ab" }),
      arrow("bc", [400, 30], [600, 30], { strokeStyle: "dotted", boundElements: [{ id: "lbc", type: "text" }] }),
      text("lbc", 450, 20, "features"),
    ];
    const diagram = read(scene);
    expect(edges(scene)).toEqual([
      ["a", "b", "1000 to 100", true],
      ["b", "c", "features", true],
    ]);
    expect(diagram.edges[0]?.annotations.countChange).toEqual({ from: 1000, to: 100, text: "1000 to 100" });
    // Bound arrow labels are not notes.
    expect(diagram.nodes.map((n) => n.id)).toEqual(["a", "b", "c"]);
  });

  it("makes a diamond a decision and a shape our canvas marked a store", () => {
    const scene = [
      base("diamond", "d", { x: 0, y: 0 }),
      base("ellipse", "e", { x: 200, y: 0 }),
      base("ellipse", "s", { x: 400, y: 0, customData: { probeKind: "store" } }),
      box("r", 600, 0, { customData: { probeKind: "store" } }),
      base("diamond", "d2", { x: 800, y: 0, customData: { probeKind: "store" } }),
    ];
    expect(nodes(scene).map((n) => n[1])).toEqual(["decision", "component", "store", "store", "decision"]);
  });

  it("groups nodes by the frame they sit in", () => {
    const scene = [
      base("frame", "f1", { x: -20, y: -20, width: 500, height: 200, name: "Serving" }),
      base("frame", "f2", { x: -20, y: 300, width: 500, height: 200, name: null }),
      box("a", 0, 0, { frameId: "f1" }),
      box("b", 0, 350, { frameId: "f2" }),
      text("n", 200, 350, "hi", { frameId: "f2" }),
      box("c", 600, 0, { frameId: "missing" }),
    ];
    expect(nodes(scene).map((n) => [n[0], n[3]])).toEqual([
      ["a", "Serving"],
      ["c", null],
      ["b", "Frame"],
      ["n", "Frame"],
    ]);
  });

  it("ignores deleted elements, unknown types and lines without heads; reads lines with heads", () => {
    const scene = [
      ...threeBoxes,
      box("x", 0, 300, { isDeleted: true }),
      text("tx", 900, 300, "ghost", { isDeleted: true }),
      arrow("dead", [100, 30], [300, 30], { isDeleted: true }),
      base("freedraw", "fd", { points: [[0, 0]] }),
      base("image", "img", { fileId: "f" }),
      base("hologram", "future", { sparkle: true }),
      arrow("plain", [100, 30], [300, 30], { type: "line", endArrowhead: null }),
      arrow("back", [100, 30], [300, 30], { type: "line", startArrowhead: "triangle", endArrowhead: null }),
    ];
    expect(nodes(scene).map((n) => n[0])).toEqual(["a", "b", "c"]);
    expect(edges(scene)).toEqual([["b", "a", "", false]]);
  });

  it("reads a bare list of elements, and an arrow bound to a note", () => {
    const scene = sceneToDiagram(parseScene(JSON.stringify([text("u", 0, 0, "Users"), box("a", 0, 100)])));
    expect(scene.nodes.map((n) => n.kind)).toEqual(["note", "component"]);
    expect(
      edges([text("u", 0, 0, "Users"), arrow("e", [9, 9], [9, 90], { startBinding: { elementId: "u" } })]),
    ).toEqual([["u", null, "", false]]);
  });
});
