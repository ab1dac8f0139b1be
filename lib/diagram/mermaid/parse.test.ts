import { describe, expect, it } from "vitest";
import { DiagramParseError, MAX_MERMAID_CHARS } from "@/lib/diagram/types";
import { parseMermaid } from "./parse";

const nodes = (src: string) => parseMermaid(src).nodes.map((n) => [n.id, n.kind, n.label]);
const edges = (src: string) => parseMermaid(src).edges.map((e) => [e.from, e.to, e.label, e.dashed]);

/** The line a DiagramParseError names, and its message. */
function failure(src: string): { line: number | null; message: string } {
  try {
    parseMermaid(src);
  } catch (error) {
    if (error instanceof DiagramParseError) return { line: error.line, message: error.message };
    throw error;
  }
  throw new Error("parsed");
}

describe("parseMermaid: nodes", () => {
  it.each([
    ["A[Box]", "component", "Box"],
    ["A(Round)", "component", "Round"],
    ["A([Stadium])", "component", "Stadium"],
    ["A[[Subroutine]]", "component", "Subroutine"],
    ["A[(Feature store)]", "store", "Feature store"],
    ["A((Circle))", "component", "Circle"],
    ["A{Cache hit?}", "decision", "Cache hit?"],
    ["A>Flag]", "component", "Flag"],
    ["A{{Hexagon}}", "component", "Hexagon"],
    ["A[/Parallelogram/]", "component", "Parallelogram"],
    ['A["Retrieval (two-tower)"]', "component", "Retrieval (two-tower)"],
    ["A[Ranker<br>GBDT]", "component", "Ranker GBDT"],
    ["A[Say #quot;hi#quot; &amp; 5 &lt; 6]", "component", 'Say "hi" & 5 < 6'],
    ['A["<b>not html</b>"]', "component", "<b>not html</b>"],
    ["A", "component", "A"],
  ])("%s", (stmt, kind, label) => {
    expect(nodes(`flowchart TD\n  ${stmt}`)).toEqual([["A", kind, label]]);
  });

  it("reads annotations from labels", () => {
    const [node] = parseMermaid("graph LR\nR[Retrieval p99 20 ms 1000 to 100]").nodes;
    expect(node?.annotations.quantities.map((q) => q.text)).toContain("20 ms");
    expect(node?.annotations.countChange).toMatchObject({ from: 1000, to: 100 });
  });

  it("keeps the last label given and the first group", () => {
    const d = parseMermaid("flowchart LR\nsubgraph S [Serving]\nA\nend\nA[Ranker]\nsubgraph T\nA\nend");
    expect(d.nodes).toMatchObject([{ id: "A", label: "Ranker", group: "Serving" }]);
  });
});

describe("parseMermaid: edges", () => {
  it.each([
    ["A --> B", "", false],
    ["A --- B", "", false],
    ["A -.-> B", "", true],
    ["A -.- B", "", true],
    ["A ==> B", "", false],
    ["A --o B", "", false],
    ["A --x B", "", false],
    ["A <--> B", "", false],
    ["A ---> B", "", false],
    ["A-->B", "", false],
    ["A -->|1000 to 100| B", "1000 to 100", false],
    ['A -->|"a | b"| B', "a | b", false],
    ["A -- 500 candidates --> B", "500 candidates", false],
    ["A -. nightly .-> B", "nightly", true],
    ["A == hot path ==> B", "hot path", false],
    ["A -.->|logs| B", "logs", true],
  ])("%s", (stmt, label, dashed) => {
    expect(edges(`flowchart LR\n${stmt}`)).toEqual([["A", "B", label, dashed]]);
  });

  it("reads chains, & groups and ; separators", () => {
    expect(edges("graph TD\nA --> B -->|x| C")).toEqual([
      ["A", "B", "", false],
      ["B", "C", "x", false],
    ]);
    expect(edges("graph TD\nA & B --> C & D").map((e) => `${e[0]}${e[1]}`)).toEqual(["AC", "AD", "BC", "BD"]);
    expect(edges("graph TD; A-->B; B-->C;")).toHaveLength(2);
  });

  it("draws no arrow for the invisible link", () => {
    const d = parseMermaid("flowchart LR\nA ~~~ B");
    expect([d.nodes.length, d.edges.length]).toEqual([2, 0]);
  });
});

describe("parseMermaid: structure", () => {
  it("reads subgraphs, nested, in every title form", () => {
    const src = [
      "flowchart LR",
      "  subgraph online [Online serving]",
      "    R[Retrieval] --> K[Ranking]",
      '    subgraph cache["Cache (Redis)"]',
      "      C[(Cache)]",
      "    end",
      "  end",
      "  subgraph Offline training",
      "    T[Trainer]",
      "  end",
      "  subgraph x1",
      "    Z",
      "  end",
      "  L[(Logs)] -.-> T",
      "  K --> online",
    ].join("\n");
    const groups = Object.fromEntries(parseMermaid(src).nodes.map((n) => [n.id, n.group]));
    expect(groups).toEqual({
      R: "Online serving",
      K: "Online serving",
      C: "Cache (Redis)",
      T: "Offline training",
      Z: "x1",
      L: null,
      online: null,
    });
    expect(parseMermaid(src).nodes.find((n) => n.id === "online")?.label).toBe("Online serving");
  });

  it("ignores comments, styling, front matter and directives", () => {
    const src = [
      "---",
      "title: Feed",
      "---",
      "%%{init: {'theme': 'dark'}}%%",
      "flowchart LR",
      "  %% the serving path",
      "  A[One]:::hot --> B",
      "  classDef hot fill:#f00",
      "  class B hot",
      "  style A fill:#fff",
      "  linkStyle 0 stroke:#f00",
      "  click A callback",
    ].join("\n");
    expect(nodes(src)).toEqual([
      ["A", "component", "One"],
      ["B", "component", "B"],
    ]);
  });

  it("reads notes and dangling ends written by the emitter", () => {
    const d = parseMermaid('flowchart LR\nN["Budget 200 ms"]:::note\nX((" ")):::dangling --> A\nclass A note');
    expect(d.nodes.map((n) => [n.id, n.kind])).toEqual([
      ["N", "note"],
      ["A", "note"],
    ]);
    expect(d.edges).toMatchObject([{ from: null, to: "A" }]);
  });
});

describe("parseMermaid: errors name the line", () => {
  it.each([
    ["", null, /empty/],
    ["sequenceDiagram\nA->>B: hi", 1, /flowchart/],
    ["flowchart LR\nA --> B\nC[oops --> D", 3, /not closed with "\]"/],
    ["flowchart LR\n\n%% note\nA -->", 4, /node id/],
    ["graph TD\nA --> B\nA B", 3, /arrow/],
    ["graph TD\nsubgraph S\nA\n", 2, /never closed/],
    ["graph TD\nA\nend", 3, /no subgraph open/],
    ['graph TD\nA["unclosed]', 2, /closing quote/],
    ["graph TD\nA -- label B", 2, /not closed/],
    ["graph TD\nA -->|label B", 2, /not closed with "\|"/],
    ["graph TD\nA --> B\n  A@{ shape: cyl }", 3, /arrow/],
  ])("%j", (src, line, message) => {
    const f = failure(src);
    expect(f.line).toBe(line);
    expect(f.message).toMatch(message);
  });

  it("refuses a diagram over the length limit with a sentence", () => {
    const f = failure(`flowchart LR\nA[${"x".repeat(MAX_MERMAID_CHARS)}]`);
    expect(f.message).toMatch(/characters long/);
  });
});

/**
 * Reading a diagram must cost time in proportion to its length: each input is parsed at n and 4n
 * characters (4n stays under MAX_MERMAID_CHARS, so it is really parsed). Linear work grows about
 * 4x, quadratic 16x; the bound (10x, with a 2 ms floor for noise) is generous for a busy machine,
 * and each size takes its fastest of three runs. A ratio, not a time: no speed target in a test.
 */
describe("parseMermaid is linear", () => {
  const fastest = (src: string) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      try {
        parseMermaid(src);
      } catch (error) {
        if (!(error instanceof DiagramParseError)) throw error;
      }
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  const shapes: Array<[string, (n: number) => string]> = [
    ["a long label", (n) => `flowchart LR\nA[${"x ".repeat(n / 2)}]`],
    ["an unclosed label", (n) => `flowchart LR\nA[${"(".repeat(n)}`],
    ["brackets everywhere", (n) => `flowchart LR\nA[${"[(".repeat(n / 2)}`],
    ["dashes", (n) => `flowchart LR\nA ${"-".repeat(n)} B`],
    ["a dotted link never closed", (n) => `flowchart LR\nA -.${" .".repeat(n / 2)}`],
    ["spaces", (n) => `flowchart LR\nA${" ".repeat(n)}`],
    ["a long chain", (n) => `flowchart LR\n${"A-->".repeat(n / 5)}B`],
    ["a long subgraph title", (n) => `flowchart LR\nsubgraph ${"] [".repeat(n / 3)}\nend`],
    ["a long label of numbers", (n) => `flowchart LR\nA[${"10k to 500 ".repeat(n / 11)}]`],
    ["entities", (n) => `flowchart LR\nA[${"#quot;&".repeat(n / 7)}]`],
  ];
  const n = 45_000;
  it.each(shapes)("%s grows linearly", (_, make) => {
    expect(make(4 * n).length).toBeLessThanOrEqual(MAX_MERMAID_CHARS);
    const small = fastest(make(n));
    const large = fastest(make(4 * n));
    expect(large).toBeLessThan(10 * Math.max(small, 2));
  });
});
