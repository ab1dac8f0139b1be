import { describe, expect, it } from "vitest";
import type { DiagramFinding } from "@/lib/diagram/types";
import { chooseDiagramPoint, diagramQuestion, diagramQuestionId, isDiagramQuestionId } from "./choose-point";

const finding = (kind: DiagramFinding["kind"], key: string, message = `${key}: why?`): DiagramFinding => ({
  kind,
  key,
  message,
  labels: [],
});
const missing = finding("missing-component", "missing-component:ranking");
const latency = finding("latency-over-budget", "latency-over-budget:a>b");
const unexplained = finding("unexplained-component", "unexplained-component:cache");

describe("chooseDiagramPoint", () => {
  it("raises the most important finding not raised before", () => {
    const point = chooseDiagramPoint({
      findings: [missing, latency, unexplained],
      raised: [],
      step: "evaluation",
      lastWasDiagram: false,
    });
    expect(point?.key).toBe(missing.key);
  });

  it("never raises the same point twice", () => {
    const point = chooseDiagramPoint({
      findings: [missing, latency, unexplained],
      raised: [missing.key, latency.key],
      step: "evaluation",
      lastWasDiagram: false,
    });
    expect(point?.key).toBe(unexplained.key);
    expect(
      chooseDiagramPoint({
        findings: [missing],
        raised: [missing.key],
        step: "monitoring",
        lastWasDiagram: false,
      }),
    ).toBeNull();
  });

  it("waits a turn after a diagram point", () => {
    expect(
      chooseDiagramPoint({ findings: [latency], raised: [], step: "data-preparation", lastWasDiagram: true }),
    ).toBeNull();
  });

  it("leaves missing components until the model step, but raises a broken budget at once", () => {
    const early = chooseDiagramPoint({
      findings: [missing, latency],
      raised: [],
      step: "clarify-requirements",
      lastWasDiagram: false,
    });
    expect(early?.key).toBe(latency.key);
    expect(
      chooseDiagramPoint({ findings: [missing], raised: [], step: "data-preparation", lastWasDiagram: false }),
    ).toBeNull();
    expect(
      chooseDiagramPoint({ findings: [missing], raised: [], step: "model-development", lastWasDiagram: false })?.key,
    ).toBe(missing.key);
  });
});

describe("diagramQuestion", () => {
  it("says the point as a question", () => {
    expect(diagramQuestion(latency)).toBe(`Looking at your diagram: ${latency.message}`);
    const statement = finding("number-mismatch", "k", "The diagram says 10 TB.");
    expect(diagramQuestion(statement)).toMatch(/\?$/);
  });

  it("marks its question id so the next turn can tell", () => {
    expect(isDiagramQuestionId(diagramQuestionId(latency))).toBe(true);
    expect(isDiagramQuestionId("follow-up:1")).toBe(false);
    expect(isDiagramQuestionId(null)).toBe(false);
  });
});
