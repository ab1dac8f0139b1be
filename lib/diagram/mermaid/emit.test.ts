import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryDiagram } from "@/lib/diagram/testing/arbitrary-diagram";
import type { DiagramText } from "@/lib/diagram/types";
import { toMermaid } from "./emit";
import { parseMermaid } from "./parse";

/** Labels that break naive quoting: quotes, brackets, pipes, entities, markup, unicode, edge spaces. */
const awkward = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constantFrom(
    "",
    '"quoted"',
    "a | b",
    "#quot;",
    "&amp;",
    "#35;",
    "<br>",
    "x]y)z}",
    "[(store)]",
    "`tick`",
    " lead",
    "trail\t",
    "multi\nline",
    "end",
    "-->",
    "p99 20 ms; 1000 → 100",
    "日本語 ✓ 🚀",
  ),
);
const label = fc.array(awkward, { maxLength: 3 }).map((parts) => parts.join(""));
const id = fc.oneof(fc.constantFrom("A", "n1", "end", "x", "o", "Z9"), fc.string({ minLength: 1, maxLength: 10 }));

const diagram = arbitraryDiagram({ ids: id, label, group: label, maxNodes: 8, maxEdges: 8 });

/** The diagram with node ids replaced by their position: equal "up to ids". */
function byPosition(d: DiagramText) {
  const index = new Map(d.nodes.map((n, i) => [n.id, i]));
  const at = (nodeId: string | null) => (nodeId === null ? null : (index.get(nodeId) ?? -1));
  return {
    nodes: d.nodes.map(({ id: _, ...rest }) => rest),
    edges: d.edges.map((e) => ({ ...e, from: at(e.from), to: at(e.to) })),
  };
}

describe("toMermaid", () => {
  it("writes a flowchart with shapes, subgraphs and arrows", () => {
    const none = { quantities: [], countChange: null };
    const text = toMermaid({
      nodes: [
        { id: "R", kind: "component", label: "Retrieval", annotations: none, group: "Online" },
        { id: "elem-3f_x", kind: "store", label: 'Feature "store"', annotations: none, group: null },
        { id: "D", kind: "decision", label: "hit?", annotations: none, group: null },
      ],
      edges: [{ from: "R", to: "elem-3f_x", label: "1000 to 100", annotations: none, dashed: true }],
    });
    expect(text).toBe(
      [
        "flowchart LR",
        '  R["Retrieval"]',
        '  n1[("Feature #34;store#34;")]',
        '  D{"hit?"}',
        '  subgraph n2["Online"]',
        "    R",
        "  end",
        '  R -.->|"1000 to 100"| n1',
        "",
      ].join("\n"),
    );
  });

  it("round-trips any diagram through parseMermaid, up to ids", () => {
    fc.assert(
      fc.property(diagram, (d) => {
        expect(byPosition(parseMermaid(toMermaid(d)))).toEqual(byPosition(d));
      }),
      { numRuns: 300 },
    );
  });
});
