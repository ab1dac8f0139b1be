import { describe, expect, it } from "vitest";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import type { DiagramFinding } from "@/lib/diagram/types";
import { mergeModelFindings, type ProposedFinding } from "./merge-findings";

const diagram = parseMermaid(`flowchart TD
  A[Retrieval 80 ms] --> B[Ranker 150 ms]
  F[(Feature store)] --> B
  B -->|top 50| C[Re-ranking]`);
const rule: DiagramFinding = {
  kind: "latency-over-budget",
  message: "Retrieval 80 ms + Ranker 150 ms = 230 ms, above the 200 ms budget: which stage would you cut?",
  key: "latency-over-budget:Retrieval>Ranker",
  labels: ["Retrieval 80 ms", "Ranker 150 ms"],
};
const merge = (proposed: ProposedFinding[]) => mergeModelFindings([rule], proposed, diagram, ["ranking", "monitoring"]);

describe("mergeModelFindings", () => {
  it("keeps the rules first and adds a verified model question about real labels", () => {
    const merged = merge([
      {
        kind: "unexplained-component",
        labels: ["Feature store"],
        question: "Which features does the feature store serve the ranker, and how fresh are they?",
      },
    ]);
    expect(merged[0]).toEqual(rule);
    expect(merged[1]).toEqual({
      kind: "unexplained-component",
      message: "Which features does the feature store serve the ranker, and how fresh are they?",
      key: "model:unexplained-component:Feature store",
      labels: ["Feature store"],
    });
  });

  it("drops a proposal about a label the diagram does not have", () => {
    expect(merge([{ kind: "counts-not-narrowing", labels: ["Candidate pool 10k"], question: "Why 10k?" }])).toEqual([
      rule,
    ]);
  });

  it("drops a proposal that repeats a rule finding's point, or is not a question", () => {
    expect(
      merge([
        { kind: "latency-over-budget", labels: ["Ranker 150 ms"], question: "Is 150 ms for the ranker too slow?" },
        { kind: "number-mismatch", labels: ["top 50"], question: "The diagram keeps 50." },
      ]),
    ).toEqual([rule]);
  });

  it("accepts a missing component only by a reference id, once", () => {
    const merged = merge([
      { kind: "missing-component", labels: [], component: "monitoring", question: "How would you watch it?" },
      { kind: "missing-component", labels: [], component: "monitoring", question: "Any dashboards?" },
      { kind: "missing-component", labels: [], component: "blockchain", question: "Where is the ledger?" },
    ]);
    expect(merged.map((f) => f.key)).toEqual([rule.key, "missing-component:monitoring"]);
  });
});
