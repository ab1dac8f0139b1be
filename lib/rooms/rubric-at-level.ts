import { type Level, levelReaches, type ScenarioId, STEP_IDS, type StepId } from "@/lib/domain/framework";
import type { RubricItemView } from "@/lib/rooms/types";
import { getScenario } from "@/lib/scenarios/library";

/**
 * The published rubric a room shows at its level: every step in framework order and every item
 * of each step in scenario order, marked `expected` when the room's level reaches the item's.
 * Items above the level stay listed (a peer may still tick them) so the score sheet, the
 * interviewer's panel and the peer report all read one list; only the flag differs by level.
 */
export function rubricAtLevel(scenarioId: ScenarioId, level: Level): Array<{ step: StepId; items: RubricItemView[] }> {
  const scenario = getScenario(scenarioId);
  return STEP_IDS.map((step) => ({
    step,
    items: scenario.steps[step].rubric.map((item) => ({
      id: item.id,
      title: item.title,
      level: item.level,
      weight: item.weight,
      expected: levelReaches(level, item.level),
    })),
  }));
}
