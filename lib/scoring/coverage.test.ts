import { describe, expect, it } from "vitest";
import type { Level } from "@/lib/domain/framework";
import type { RubricItem } from "@/lib/scenarios/schema";
import { ABOVE_LEVEL_CREDIT, type CoverageOptions, coverage, decisionsFromCredits, EMPTY_COVERAGE } from "./coverage";

const item = (id: string, level: Level, weight: number): RubricItem => ({
  id,
  title: id,
  earns: id,
  weight,
  level,
  evidence: ["one", "two", "three"],
  mistakes: [],
});

/** A step with one item per level: 2 + 1 + 2 = 5 weight in all. */
const MID = item("mid-item", "mid", 2);
const SENIOR = item("senior-item", "senior", 1);
const STAFF = item("staff-item", "staff", 2);
const STEP = [MID, SENIOR, STAFF];

const credited = (credits: Record<string, number>, items: RubricItem[] = STEP) => decisionsFromCredits(items, credits);

describe("coverage", () => {
  it.each<[string, Record<string, number>, Level, CoverageOptions, number]>([
    // senior expects mid + senior: weight 3.
    ["nothing earned", {}, "senior", {}, 0],
    ["all expected earned", { "mid-item": 1, "senior-item": 1 }, "senior", {}, 1],
    ["half the mid item: 1 of 3", { "mid-item": 0.5 }, "senior", {}, 1 / 3],
    [
      "the staff item adds half its weight: (1 + 2 x 0.5) / 3",
      { "mid-item": 0.5, "staff-item": 1 },
      "senior",
      {},
      2 / 3,
    ],
    [
      "above-level credit never lifts past 1: 4 / 3 capped",
      { "mid-item": 1, "senior-item": 1, "staff-item": 1 },
      "senior",
      {},
      1,
    ],
    [
      "the level reading ignores the staff item: 1 / 3",
      { "mid-item": 0.5, "staff-item": 1 },
      "senior",
      { aboveLevelCredit: 0 },
      1 / 3,
    ],
    // mid expects the mid item only: weight 2; senior adds 1 x 0.5, staff 2 x 0.5.
    ["mid: above-level items at half: (0.5 + 1) / 2", { "senior-item": 1, "staff-item": 1 }, "mid", {}, 0.75],
    [
      "mid: above-level credit 0 leaves nothing",
      { "senior-item": 1, "staff-item": 1 },
      "mid",
      { aboveLevelCredit: 0 },
      0,
    ],
    // staff expects everything: weight 5.
    ["staff: (2 + 2) / 5", { "mid-item": 1, "staff-item": 1 }, "staff", {}, 0.8],
    ["staff: partial credit (2 x 0.5 + 1 x 0.5) / 5", { "mid-item": 0.5, "senior-item": 0.5 }, "staff", {}, 0.3],
  ])("%s", (_name, credits, level, options, expected) => {
    expect(coverage(credited(credits), level, options)).toBeCloseTo(expected, 10);
  });

  it("uses half credit above the level by default", () => {
    expect(ABOVE_LEVEL_CREDIT).toBe(0.5);
  });

  it.each<[string, RubricItem[], Record<string, number>, Level]>([
    ["a step with no items", [], {}, "senior"],
    [
      "a step with nothing expected at the level, even fully earned",
      [SENIOR, STAFF],
      { "senior-item": 1, "staff-item": 1 },
      "mid",
    ],
  ])("%s covers EMPTY_COVERAGE, which is 0", (_name, items, credits, level) => {
    expect(EMPTY_COVERAGE).toBe(0);
    expect(coverage(credited(credits, items), level)).toBe(0);
    expect(coverage(credited(credits, items), level, { aboveLevelCredit: 0 })).toBe(0);
  });
});

describe("decisionsFromCredits", () => {
  it("pairs each rubric item with its credit, 0 when the interviewer credited nothing", () => {
    expect(decisionsFromCredits(STEP, { "senior-item": 0.4, unknown: 1 })).toEqual([
      { item: MID, credit: 0 },
      { item: SENIOR, credit: 0.4 },
      { item: STAFF, credit: 0 },
    ]);
  });
});
