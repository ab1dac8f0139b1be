import { describe, expect, it } from "vitest";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { describeDiagram, MAX_DESCRIPTION_CHARS } from "./text-form";

const FUNNEL = `flowchart LR
  subgraph online [Online serving]
    R["Retrieval (two-tower) p99 20 ms"] -->|1000 to 100| K[Ranking GBDT]
    K -->|100 to 10| B{Re-rank?}
  end
  F[(Feature store)] --> K
  L[(Event logs 10 TB)] -.->|nightly| T[Trainer]
  N["Budget: p99 200 ms end to end"]:::note
`;

describe("describeDiagram", () => {
  it("describes a hand-made funnel", () => {
    expect(describeDiagram(parseMermaid(FUNNEL))).toBe(
      [
        "Components: Retrieval (two-tower) p99 20 ms; Ranking GBDT; Re-rank? (decision); Feature store (store); Event logs 10 TB (store); Trainer",
        'Arrows: Retrieval (two-tower) p99 20 ms -> Ranking GBDT "1000 to 100"; Ranking GBDT -> Re-rank? "100 to 10"; Feature store -> Ranking GBDT; Event logs 10 TB -> Trainer "nightly" (dashed)',
        "Groups: Online serving (Retrieval (two-tower) p99 20 ms, Ranking GBDT, Re-rank?)",
        'Notes: "Budget: p99 200 ms end to end"',
      ].join("\n"),
    );
  });

  it("shows quantities that are not in the label, unlabelled shapes and loose arrow ends", () => {
    const d = parseMermaid('flowchart LR\nA[" "] --> B');
    const [a] = d.nodes;
    if (a)
      a.annotations.quantities = [{ text: "p99 20 ms", kind: "duration", value: 0.02, unit: "ms", start: 0, end: 9 }];
    d.edges.push({ from: "B", to: null, label: "", annotations: { quantities: [], countChange: null }, dashed: false });
    expect(describeDiagram(d)).toBe(
      "Components: (unlabelled component) [p99 20 ms]; B\nArrows: (unlabelled component) -> B; B -> (nothing)",
    );
  });

  it("is deterministic and capped, counting what it leaves out", () => {
    const lines = ["flowchart LR"];
    for (let i = 0; i < 2000; i += 1) lines.push(`  s${i}[Stage number ${i}] --> s${i + 1}`);
    const d = parseMermaid(lines.join("\n"));
    const text = describeDiagram(d);
    expect(text).toBe(describeDiagram(d));
    expect(text.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
    expect(text).toMatch(/^Components: Stage number 0; .*; and \d+ more$/m);
    expect(text).toMatch(/^Arrows: Stage number 0 -> Stage number 1; .*; and \d+ more$/m);
  });

  it("says when the diagram is empty", () => {
    expect(describeDiagram({ nodes: [], edges: [] })).toBe("The diagram is empty.");
  });
});
