import { describe, expect, it } from "vitest";
import { type HistoryEntry, progressByStep, weakestStep } from "./summarise-history";

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
  overall: scores ? Math.round(scores.reduce((a, b) => a + b, 0) / 7) : null,
  stepScores: scores,
  ...over,
});

describe("history summaries", () => {
  const entries = [
    entry("b", 3, [80, 70, 20, 60, 50, 90, 40]),
    entry("a", 1, [60, 50, 40, 60, 30, 70, 20]),
    entry("active", 4, null, { status: "active" }),
    entry("drill", 5, [0, 0, 90, 0, 0, 0, 0], { drillStep: "data-preparation" }),
  ];

  it("charts each step's scores oldest first, leaving out unscored interviews and drills", () => {
    const progress = progressByStep(entries);
    expect(progress["clarify-requirements"]).toEqual([
      { date: "2026-11-01T10:00:00.000Z", score: 60 },
      { date: "2026-11-03T10:00:00.000Z", score: 80 },
    ]);
    expect(progress.monitoring.map((p) => p.score)).toEqual([20, 40]);
  });

  it("names the step with the lowest recent mean and the attempt that scored worst on it", () => {
    // Means: data-preparation 30, evaluation 40, monitoring 30: the first lowest in step order wins.
    expect(weakestStep(entries)).toEqual({ step: "data-preparation", meanScore: 30, scenarioId: "scenario-b" });
    expect(weakestStep([])).toBeNull();
  });
});
