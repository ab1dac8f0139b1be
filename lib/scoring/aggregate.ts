import { type Level, levelReaches } from "@/lib/framework";
import type { RubricItem } from "@/lib/scenarios/schema";
import { CALIBRATION_KNOTS, calibratedScore } from "./calibration";
import type { LEVEL_SIGNALS } from "./schema";

/** An item and the share of its weight the candidate earned (0..1). */
export interface Decision {
  item: RubricItem;
  credit: number;
}

/** Items above the candidate's level count for half their weight: credit, never a requirement. */
export const ABOVE_LEVEL_CREDIT = 0.5;

/**
 * The share of a step's expected weight at `level` that was earned (0..1): items above the
 * level add half their weight, never more than the whole.
 */
export function stepCoverage(decisions: Decision[], level: Level): number {
  let expected = 0;
  let earned = 0;
  for (const { item, credit } of decisions) {
    const isExpected = levelReaches(level, item.level);
    if (isExpected) expected += item.weight;
    earned += item.weight * credit * (isExpected ? 1 : ABOVE_LEVEL_CREDIT);
  }
  return expected === 0 ? 0 : Math.min(1, earned / expected);
}

/**
 * A step's score out of 100: its coverage placed on the calibrated scale (see calibration.ts),
 * scaled by how much the step's answers are about this scenario's problem (topicality, 0..1).
 * The chat's sidebar, the report, history and imports all show this one number.
 */
export function stepScore(decisions: Decision[], level: Level, topicality: number): number {
  return Math.round(
    calibratedScore(stepCoverage(decisions, level), CALIBRATION_KNOTS[level]) * Math.max(0, Math.min(1, topicality)),
  );
}

/** Share of the weight of the items expected at `level` (and below) that was earned. */
function coverage(decisions: Decision[], level: Level): number {
  const expected = decisions.filter((d) => levelReaches(level, d.item.level));
  const total = expected.reduce((sum, d) => sum + d.item.weight, 0);
  const got = expected.reduce((sum, d) => sum + d.item.weight * d.credit, 0);
  return total === 0 ? 0 : got / total;
}

/**
 * The level the answers read at, from coverage over all seven steps: staff needs most staff
 * items too; senior needs most of mid and senior; mid needs a third of the mid items.
 */
export function levelSignal(decisions: Decision[]): (typeof LEVEL_SIGNALS)[number] {
  if (coverage(decisions, "staff") >= 0.7 && coverage(decisions, "senior") >= 0.75) return "staff";
  if (coverage(decisions, "senior") >= 0.55) return "senior";
  if (coverage(decisions, "mid") >= 0.33) return "mid";
  return "below-mid";
}

/** The overall score: the plain mean of the seven step scores, so every step counts the same. */
export function overallScore(stepScores: number[]): number {
  if (stepScores.length === 0) return 0;
  return Math.round(stepScores.reduce((a, b) => a + b, 0) / stepScores.length);
}
