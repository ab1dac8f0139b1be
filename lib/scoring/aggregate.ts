import type { Level } from "@/lib/framework";
import { CALIBRATION_KNOTS, calibratedScore } from "./calibration";
import { coverage, type Decision } from "./coverage";
import type { LEVEL_SIGNALS } from "./schema";

/** A step's coverage is the one coverage of coverage.ts; the old name is kept for scripts/fit-calibration.ts. */
export { ABOVE_LEVEL_CREDIT, coverage as stepCoverage, type Decision } from "./coverage";

/**
 * A step's score out of 100: its coverage placed on the calibrated scale (see calibration.ts),
 * scaled by how much the step's answers are about this scenario's problem (topicality, 0..1).
 * The chat's sidebar, the report, history and imports all show this one number.
 */
export function stepScore(decisions: Decision[], level: Level, topicality: number): number {
  return Math.round(
    calibratedScore(coverage(decisions, level), CALIBRATION_KNOTS[level]) * Math.max(0, Math.min(1, topicality)),
  );
}

/**
 * The level the answers read at, from coverage over all seven steps: staff needs most staff
 * items too; senior needs most of mid and senior; mid needs a third of the mid items.
 * Items above a level earn nothing here: the question is how much of the level's own items were earned.
 */
export function levelSignal(decisions: Decision[]): (typeof LEVEL_SIGNALS)[number] {
  const reach = (level: Level) => coverage(decisions, level, { aboveLevelCredit: 0 });
  if (reach("staff") >= 0.7 && reach("senior") >= 0.75) return "staff";
  if (reach("senior") >= 0.55) return "senior";
  if (reach("mid") >= 0.33) return "mid";
  return "below-mid";
}

/** The overall score: the plain mean of the seven step scores, so every step counts the same. */
export function overallScore(stepScores: number[]): number {
  if (stepScores.length === 0) return 0;
  return Math.round(stepScores.reduce((a, b) => a + b, 0) / stepScores.length);
}
