import { type Level, levelReaches } from "@/lib/domain/framework";
import type { RubricItem } from "@/lib/scenarios/schema";

/**
 * The one coverage computation: the interviewer's router, a step's score (chat sidebar, report,
 * history) and the report's level reading all read coverage from here.
 */

/** An item and the share of its weight the candidate earned (0..1). */
export interface Decision {
  item: RubricItem;
  credit: number;
}

/** Items above the candidate's level count for half their weight: credit, never a requirement. */
export const ABOVE_LEVEL_CREDIT = 0.5;

/**
 * What a step with no item expected at the level covers. Zero, not one: coverage is evidence
 * earned, and with nothing expected there is none, so the report never shows a score nobody
 * earned and the level reading never reads "staff" from an empty list. The router then treats
 * such a step as not yet satisfied, which costs at most MAX_PROBES_PER_STEP follow-ups, all of
 * them on above-level items. (No scenario in the library has such a step at any level today.)
 */
export const EMPTY_COVERAGE = 0;

export interface CoverageOptions {
  /**
   * How much of its weight an item above the level earns: ABOVE_LEVEL_CREDIT for a step's score
   * and the router; 0 for the level reading, which asks only how much of a level's own items
   * were earned.
   */
  aboveLevelCredit?: number;
}

/**
 * The share of the weight expected at `level` (items at or below it) that was earned, 0..1:
 * items above the level add `aboveLevelCredit` of their weight, never more than the whole.
 */
export function coverage(
  decisions: readonly Decision[],
  level: Level,
  { aboveLevelCredit = ABOVE_LEVEL_CREDIT }: CoverageOptions = {},
): number {
  let expected = 0;
  let earned = 0;
  for (const { item, credit } of decisions) {
    const isExpected = levelReaches(level, item.level);
    if (isExpected) expected += item.weight;
    earned += item.weight * credit * (isExpected ? 1 : aboveLevelCredit);
  }
  return expected === 0 ? EMPTY_COVERAGE : Math.min(1, earned / expected);
}

/** Decisions for a step's rubric from the interviewer's credits per item id (missing ids earned nothing). */
export function decisionsFromCredits(
  items: readonly RubricItem[],
  credits: Readonly<Record<string, number>>,
): Decision[] {
  return items.map((item) => ({ item, credit: credits[item.id] ?? 0 }));
}
