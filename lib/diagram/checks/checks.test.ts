import { describe, expect, it } from "vitest";
import { readAnnotations } from "@/lib/diagram/annotations";
import { matchReference } from "@/lib/diagram/reference/match";
import type { DiagramNodeKind, DiagramText } from "@/lib/diagram/types";
import { getScenario } from "@/lib/scenarios/library";
import { type DiagramCheckContext, resolveLatencyBudget, runDiagramChecks } from "./index";

/** A hand-made diagram: nodes as [id, label, kind?], edges as [from, to, label?, dashed?]. */
function diagram(
  nodes: Array<[string, string, DiagramNodeKind?]>,
  edges: Array<[string, string, string?, boolean?]>,
): DiagramText {
  return {
    nodes: nodes.map(([id, label, kind]) => ({
      id,
      label,
      kind: kind ?? "component",
      annotations: readAnnotations(label),
      group: null,
    })),
    edges: edges.map(([from, to, label, dashed]) => ({
      from,
      to,
      label: label ?? "",
      annotations: readAnnotations(label ?? ""),
      dashed: dashed ?? false,
    })),
  };
}

const video = getScenario("video-recommendation");
const context = (over: Partial<DiagramCheckContext> = {}): DiagramCheckContext => ({
  referenceDesign: video.referenceDesign ?? [],
  latencyBudgetSeconds: 0.2,
  candidateStatements: [],
  ...over,
});
const kinds = (d: DiagramText, c = context()) => runDiagramChecks(d, c).map((f) => f.key);

const full = diagram(
  [
    ["u", "User"],
    ["cg", "ANN retrieval 500 candidates 40 ms"],
    ["rk", "heavy ranking model 500 to 20, 100 ms"],
    ["fs", "Redis", "store"],
    ["lg", "Impression logs", "store"],
    ["tr", "Retraining job"],
    ["mon", "Dashboards and alerts"],
  ],
  [
    ["u", "cg"],
    ["cg", "rk"],
    ["fs", "rk"],
    ["rk", "u"],
    ["lg", "tr", "", true],
    ["rk", "mon", "", true],
  ],
);

describe("reference matching", () => {
  it("finds components under varied wording and by their arrows", () => {
    const found = matchReference(full, video.referenceDesign ?? []);
    for (const id of ["candidate-generation", "ranking", "feature-store", "training-pipeline", "monitoring"]) {
      expect(found.get(id)?.length, id).toBeGreaterThan(0);
    }
  });
  it("reads abbreviations and label variants", () => {
    const d = diagram(
      [
        ["a", "candidate gen"],
        ["b", "MTL DNN scorer"],
        ["c", "FS", "store"],
      ],
      [
        ["a", "b"],
        ["c", "b"],
      ],
    );
    const found = matchReference(d, video.referenceDesign ?? []);
    expect(found.get("candidate-generation")?.length).toBeGreaterThan(0);
    expect(found.get("ranking")?.length).toBeGreaterThan(0);
    expect(found.get("feature-store")?.length).toBeGreaterThan(0);
  });
});

describe("runDiagramChecks", () => {
  it("finds nothing in a complete diagram within budget", () => {
    expect(kinds(full, context({ latencyBudgetSeconds: 0.3 }))).toEqual([]);
  });
  it("names a missing component as a question", () => {
    const d = diagram(
      [
        ["a", "Retrieval"],
        ["b", "Ranker"],
      ],
      [["a", "b"]],
    );
    const findings = runDiagramChecks(d, context());
    const fs = findings.find((f) => f.key === "missing-component:feature-store");
    expect(fs?.message).toBe(
      "The diagram has no feature store: where do the ranking model's features come from at serving time?",
    );
  });
  it("sums the request path past the budget, skipping dashed arrows", () => {
    const d = diagram(
      [
        ["a", "Retrieval 40 ms"],
        ["b", "Ranking p99 150 ms"],
        ["c", "Re-rank 30 ms"],
        ["t", "Training 500 ms"],
      ],
      [
        ["a", "b"],
        ["b", "c"],
        ["c", "t", "", true],
      ],
    );
    const f = runDiagramChecks(d, context()).find((x) => x.kind === "latency-over-budget");
    expect(f?.message).toContain("Retrieval 40 ms + Ranking 150 ms + Re-rank 30 ms = 220 ms on the request path");
    expect(f?.message).toContain("200 ms budget");
    expect(kinds(d, context({ latencyBudgetSeconds: 0.25 }))).not.toContain(expect.stringMatching(/^latency/));
    expect(kinds(d, context({ latencyBudgetSeconds: null })).some((k) => k.startsWith("latency"))).toBe(false);
  });
  it("flags counts that grow, but not a merge of two sources", () => {
    const grow = diagram(
      [
        ["a", "Retrieval 500 candidates"],
        ["b", "Ranker 2000 to 100"],
      ],
      [["a", "b"]],
    );
    expect(kinds(grow).filter((k) => k.startsWith("counts"))).toHaveLength(1);
    const widen = diagram([["a", "Re-ranker 100 → 400"]], []);
    expect(kinds(widen).filter((k) => k.startsWith("counts"))).toHaveLength(1);
    const merge = diagram(
      [
        ["a", "ANN 500 candidates"],
        ["b", "Popular 300 candidates"],
        ["c", "Merge 800 candidates"],
      ],
      [
        ["a", "c"],
        ["b", "c"],
      ],
    );
    expect(kinds(merge).filter((k) => k.startsWith("counts"))).toEqual([]);
  });
  it("flags a box the candidate never mentioned, only with a transcript", () => {
    const said = [
      "We retrieve with ANN, rank with a heavy ranking model on Redis features, retrain from impression logs, and watch dashboards and alerts.",
    ];
    const d = diagram(
      [...full.nodes.map((n) => [n.id, n.label, n.kind] as [string, string, DiagramNodeKind]), ["bf", "Bloom filter"]],
      [],
    );
    expect(kinds(d, context({ candidateStatements: said, latencyBudgetSeconds: null }))).toContain(
      "unexplained-component:bloom filter",
    );
    expect(kinds(d, context({ latencyBudgetSeconds: null })).some((k) => k.startsWith("unexplained"))).toBe(false);
  });
  it("quotes both numbers when the diagram contradicts the chat", () => {
    const d = diagram([["r", "Ranking p99 150 ms"]], []);
    const said = ["The ranking model takes about 50 ms at p99."];
    const f = runDiagramChecks(d, context({ candidateStatements: said })).find((x) => x.kind === "number-mismatch");
    expect(f?.message).toContain('"Ranking p99 150 ms"');
    expect(f?.message).toContain("50 ms");
    const close = ["The ranking model takes about 120 ms at p99."];
    expect(kinds(d, context({ candidateStatements: close })).some((k) => k.startsWith("number"))).toBe(false);
  });
});

describe("resolveLatencyBudget", () => {
  it("takes the conversation's budget, else the scenario's latency fact", () => {
    expect(resolveLatencyBudget(["Our latency budget is 120 ms end to end; ranking gets 50 ms."], video)).toBe(0.12);
    expect(resolveLatencyBudget([], video)).toBe(0.3);
    expect(resolveLatencyBudget([], getScenario("street-view-blurring"))).toBeNull();
  });
});

describe("budgets stated in other words", () => {
  it("reads a limit on the whole request as a budget, and a limit on one stage as no budget", () => {
    expect(resolveLatencyBudget(["The whole decision has to come back in under 100 ms at p99."], null)).toBe(0.1);
    expect(resolveLatencyBudget(["The backend gets 150 ms at p99."], null)).toBe(0.15);
    expect(resolveLatencyBudget(["Keep it at most 150 ms in total."], null)).toBe(0.15);
    expect(resolveLatencyBudget(["The ranker takes about 60 ms."], null)).toBeNull();
    expect(resolveLatencyBudget(["The ranker must finish under 50 ms."], null)).toBeNull();
  });
});

describe("request paths through a loop", () => {
  it("starts at the loop's first node however the client is named, so the reply is no widening funnel", () => {
    const looped = diagram(
      [
        ["h", "Home feed request handler"],
        ["g", "Nearby events 50k to 400"],
        ["r", "Ranker 400 to 30"],
        ["f", "Redis features", "store"],
      ],
      [
        ["h", "g"],
        ["g", "r"],
        ["f", "r"],
        ["r", "h"],
      ],
    );
    expect(kinds(looped).filter((k) => k.startsWith("counts-not-narrowing"))).toEqual([]);
    const widening = diagram(
      [
        ["h", "Home feed request handler"],
        ["g", "Nearby events 50k to 400"],
        ["r", "Ranker 1000 to 30"],
      ],
      [
        ["h", "g"],
        ["g", "r"],
        ["r", "h"],
      ],
    );
    expect(kinds(widening).some((k) => k.startsWith("counts-not-narrowing"))).toBe(true);
  });
});

describe("number mismatch", () => {
  const funnel = diagram(
    [
      ["cg", "Retrieval top 200"],
      ["gen", "Generation first token 1.2 s"],
    ],
    [["cg", "gen"]],
  );
  const mismatches = (said: string) =>
    kinds(funnel, context({ candidateStatements: [said] })).filter((k) => k.startsWith("number-mismatch"));

  it("flags a value said about a stage that its label contradicts", () => {
    expect(mismatches("Retrieval keeps the top 500 candidates.")).toHaveLength(1);
  });

  it("takes a limit as a bound the label may sit under, and a budget as no stage's number", () => {
    expect(mismatches("Generation's first token has to stay under 2 seconds.")).toEqual([]);
    expect(mismatches("Generation's first token must arrive within 500 ms.")).toHaveLength(1);
    expect(mismatches("The whole answer has an end-to-end budget of 3 s, generation included.")).toEqual([]);
  });
});

describe("labels named by their head and by their tools", () => {
  it("reads the role before a bracket, and a product name as what it is for", () => {
    const drawn = diagram(
      [
        ["r", "GBDT ranker (XGBoost)"],
        ["m", "Grafana + PagerDuty"],
      ],
      [["r", "m", "", true]],
    );
    const found = matchReference(drawn, video.referenceDesign ?? []);
    expect(found.get("ranking")?.map((m) => m.label)).toContain("GBDT ranker (XGBoost)");
    expect(found.get("monitoring")?.map((m) => m.label)).toContain("Grafana + PagerDuty");
  });
});
