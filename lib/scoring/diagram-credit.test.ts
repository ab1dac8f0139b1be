import { describe, expect, it } from "vitest";
import { DiagramParseError } from "@/lib/diagram/types";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { DIAGRAM_TURN, diagramSentences } from "./diagram-credit";
import { scoreTranscript } from "./score-transcript";

/** A short interview that never talks about the model, beside a diagram that draws one. */
const turns = [
  { role: "interviewer" as const, step: "model-development" as const, content: "Which models would you use?" },
  { role: "candidate" as const, step: "model-development" as const, content: "I would keep it simple at first." },
];
const FUNNEL = `flowchart TD
  V[Viewer] --> R["Retrieval: two-tower ANN, 10k to 1000"]
  R --> K["Ranking: multi-task DNN (watch time, like)"]
  K --> RR[Re-ranking: diversity, freshness]`;

const score = (diagram?: string) =>
  scoreTranscript(
    { scenarioId: "video-recommendation", level: "senior", turns, ...(diagram ? { diagram } : {}) },
    { library: getScenarioLibrary() },
    { steps: ["model-development"] },
  );

describe("diagram credit", () => {
  it("reads node and arrow labels as sentences with no turn", () => {
    const labels = diagramSentences(`flowchart LR\n  A[Feature store] -->|features p99 5 ms| B[Ranker]\n  C[Ranker]`);
    expect(labels.map((l) => l.text)).toEqual(["Feature store", "Ranker", "features p99 5 ms"]);
    expect(labels.every((l) => l.turn === DIAGRAM_TURN)).toBe(true);
  });

  it("credits a model item from a label, quoted as the label, at a mention's credit", async () => {
    const without = await score();
    const withDiagram = await score(FUNNEL);
    const step = withDiagram.steps[0];
    const fromDiagram = step?.covered.filter((c) => c.source === "diagram") ?? [];
    expect(fromDiagram.length).toBeGreaterThan(0);
    for (const c of fromDiagram) {
      expect(c.quote.startsWith("diagram: ")).toBe(true);
      expect(FUNNEL).toContain(c.quote.slice("diagram: ".length).split(":")[0] ?? "");
      expect(c.credit).toBeLessThanOrEqual(0.5);
      expect(c.turn).toBe(DIAGRAM_TURN);
    }
    expect(fromDiagram.map((c) => c.rubricId)).toContain("vr-model-multitask-ranker");
    expect(step?.score ?? 0).toBeGreaterThan(without.steps[0]?.score ?? 0);
  });

  it("never credits from a diagram what a step only says (requirements, data, evaluation)", async () => {
    const report = await scoreTranscript(
      { scenarioId: "video-recommendation", level: "senior", turns, diagram: FUNNEL },
      { library: getScenarioLibrary() },
      { steps: ["clarify-requirements", "data-preparation", "evaluation"] },
    );
    expect(report.steps.flatMap((s) => s.covered).filter((c) => c.source === "diagram")).toEqual([]);
  });

  it("keeps credit earned in words and adds none over it", async () => {
    const said = [
      ...turns,
      {
        role: "candidate" as const,
        step: "model-development" as const,
        content:
          "For ranking I'd train a multi-task network that predicts watch time, likes and shares, since a single click objective rewards clickbait.",
      },
    ];
    const report = await scoreTranscript(
      { scenarioId: "video-recommendation", level: "senior", turns: said, diagram: FUNNEL },
      { library: getScenarioLibrary() },
      { steps: ["model-development"] },
    );
    const ranker = report.steps[0]?.covered.find((c) => c.rubricId === "vr-model-multitask-ranker");
    expect(ranker?.source).toBeUndefined();
    expect(ranker?.turn).toBe(2);
  });

  it("refuses a diagram that is not a Mermaid flowchart, with the line", async () => {
    await expect(score("flowchart TD\n  A[Ranker] --> \n  B((")).rejects.toThrow(DiagramParseError);
    await expect(score("flowchart TD\n  A[Ranker] --> \n  B((")).rejects.toThrow(/Line \d/);
  });
});
