import { describe, expect, it } from "vitest";
import { STEP_IDS, type StepId } from "@/lib/framework";
import { stepBudgets } from "./timing";

const MINUTE = 60_000;

describe("stepBudgets", () => {
  it.each<[string, number, StepId, number]>([
    // Weights 5, 5, 7, 8, 7, 8, 5 out of 45.
    ["45 minutes, first step", 45, "clarify-requirements", 5 * MINUTE],
    ["45 minutes, model development", 45, "model-development", 8 * MINUTE],
    ["30 minutes, first step (3:20)", 30, "clarify-requirements", 200_000],
    ["90 minutes, evaluation", 90, "evaluation", 14 * MINUTE],
  ])("splits a whole interview by weight: %s", (_name, minutes, step, expected) => {
    expect(stepBudgets(minutes)[step]).toBeCloseTo(expected, 6);
  });

  it("adds up to the interview's length", () => {
    const budgets = stepBudgets(60);
    expect(STEP_IDS.reduce((sum, step) => sum + budgets[step], 0)).toBeCloseTo(60 * MINUTE, 6);
  });

  it.each<[number, StepId]>([
    [10, "evaluation"],
    [15, "clarify-requirements"],
  ])("gives a %i-minute drill's one step the whole time (%s)", (minutes, drillStep) => {
    const budgets = stepBudgets(minutes, drillStep);
    expect(budgets[drillStep]).toBe(minutes * MINUTE);
    for (const step of STEP_IDS) if (step !== drillStep) expect(budgets[step]).toBe(0);
  });
});
