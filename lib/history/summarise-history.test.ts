import { describe, expect, it } from "vitest";
import { type HistoryEntry, progressByStep, scoresByStep, weakestStep } from "./summarise-history";

const entry = (id: string, day: number, scores: number[] | null, over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  scenarioId: `scenario-${id}`,
  scenarioTitle: id,
  level: "senior",
  status: "completed",
  source: "live",
  drillStep: null,
  createdAt: `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`,
  durationMinutes: 40,
  overall: scores ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
  stepScores: scores,
  ...over,
});

describe("history summaries", () => {
  const entries = [
    entry("b", 3, [80, 70, 20, 60, 50, 90, 40]),
    entry("a", 1, [60, 50, 40, 60, 30, 70, 20]),
    entry("active", 4, null, { status: "active" }),
    // A drill's report scores its one step.
    entry("drill", 5, [90], { drillStep: "data-preparation" }),
  ];

  it("charts each step's scores oldest first; a drill counts toward its own step only", () => {
    const progress = progressByStep(entries);
    expect(progress["clarify-requirements"]).toEqual([
      { date: "2026-11-01T10:00:00.000Z", score: 60 },
      { date: "2026-11-03T10:00:00.000Z", score: 80 },
    ]);
    expect(progress.monitoring.map((p) => p.score)).toEqual([20, 40]);
    expect(progress["data-preparation"].map((p) => p.score)).toEqual([40, 20, 90]);
  });

  it("reads an older drill report that listed seven steps by its drilled step", () => {
    const old = entry("old", 6, [0, 0, 75, 0, 0, 0, 0], { drillStep: "data-preparation" });
    expect(scoresByStep(old)).toEqual({ "data-preparation": 75 });
  });

  it("names the step with the lowest recent mean and the attempt that scored worst on it", () => {
    // Means: data-preparation (40, 20, 90) 50, evaluation 40, monitoring 30: monitoring is lowest.
    expect(weakestStep(entries)).toEqual({ step: "monitoring", meanScore: 30, scenarioId: "scenario-a" });
    // Without the drill, data-preparation (30) ties monitoring and comes first in step order.
    expect(weakestStep(entries.slice(0, 3))).toEqual({
      step: "data-preparation",
      meanScore: 30,
      scenarioId: "scenario-b",
    });
    expect(weakestStep([])).toBeNull();
  });
});
