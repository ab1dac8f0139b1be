import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ScoreReport, StepReport } from "@/lib/scoring/schema";
import { readableNote, ScoreReportView } from "./score-report";

const TITLES = { "fd-metric": "Chooses PR-AUC", "fd-online": "Tests online with a holdout" };

function step(overrides: Partial<StepReport> = {}): StepReport {
  return {
    step: "evaluation",
    score: 40,
    covered: [],
    missing: [],
    lost: [],
    recovered: [],
    feedback: "Evaluation: covered 1 of 2.",
    nextToLearn: null,
    citations: [],
    ...overrides,
  };
}

function render(steps: StepReport[], notes: string[] = []): string {
  const report: ScoreReport = {
    scenarioId: "fraud-detection",
    level: "senior",
    overall: 40,
    steps,
    levelSignal: "below-mid",
    stepAssignment: [],
    notes,
  };
  return renderToStaticMarkup(createElement(ScoreReportView, { report, rubricTitles: TITLES }));
}

describe("ScoreReportView", () => {
  it("shows a drill's one step and nothing of the others", () => {
    const html = render([step()]);
    expect(html).toContain('data-testid="report-step-evaluation"');
    expect(html.match(/data-testid="report-step-/g)).toHaveLength(1);
  });

  it("lays open quotes, partial credit with its note, lost, corrected and missing items by title", () => {
    const html = render([
      step({
        covered: [
          { rubricId: "fd-metric", quote: "PR-AUC, since fraud is rare.", turn: 3, credit: 0.5, note: "says AUC" },
          { rubricId: "fd-online", quote: "A 1% holdout.", turn: 5, credit: 1 },
        ],
        lost: [{ rubricId: "fd-online", mistake: "Uses accuracy.", quote: "Accuracy is 99%." }],
        recovered: [{ rubricId: "fd-metric", mistake: "Said accuracy first.", afterPushback: true }],
        missing: ["fd-online"],
      }),
    ]);
    expect(html).not.toContain("<details");
    expect(html).toContain("PR-AUC, since fraud is rare.");
    expect(html.match(/>partly</g)).toHaveLength(1);
    expect(html).toContain("says AUC");
    expect(html).toContain("Uses accuracy.");
    expect(html).toContain("recovered after pushback");
    expect(html).toContain('href="#turn-3"');
    expect(html).not.toMatch(/fd-(metric|online)/);
  });

  it("reads a stored step that predates corrected items, and never shows an unknown id", () => {
    const { recovered: _none, ...old } = step({ missing: ["fd-unknown-item"] });
    const html = render([old as StepReport]);
    expect(html).toContain("An item no longer in the rubric");
    expect(html).not.toContain("fd-unknown-item");
  });
});

describe("readableNote", () => {
  it.each([
    [
      "2 turns had no step; the scorer assigned them (see stepAssignment).",
      "2 turns had no step; the scorer assigned them.",
    ],
    ["3 sentences were bare lists of terms.", "3 sentences were bare lists of terms."],
  ])("%s", (note, expected) => {
    expect(readableNote(note)).toBe(expected);
  });
});
