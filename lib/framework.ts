/** The framework's ids and levels live in the domain core; this module keeps the older import path working. */
export {
  DEFAULT_LEVEL,
  FOCUS_AREA_LABELS,
  FOCUS_AREAS,
  type FocusArea,
  LEVELS,
  type Level,
  levelReaches,
  nextStep,
  SCENARIO_IDS,
  type ScenarioId,
  STEP_IDS,
  STEP_TITLES,
  type StepId,
} from "@/lib/domain/framework";
