import { z } from "zod";

/**
 * The interview framework (docs/transcript-format.md): seven steps in a fixed order and three levels.
 * These ids are a contract shared by scenario files, transcripts, score reports and the database.
 */
export const STEP_IDS = [
  "clarify-requirements",
  "frame-problem",
  "data-preparation",
  "model-development",
  "evaluation",
  "deployment-serving",
  "monitoring",
] as const;

export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Record<StepId, string> = {
  "clarify-requirements": "Clarify requirements",
  "frame-problem": "Frame the problem as an ML task",
  "data-preparation": "Data preparation",
  "model-development": "Model development",
  evaluation: "Evaluation",
  "deployment-serving": "Deployment and serving",
  monitoring: "Monitoring and infrastructure",
};

export const LEVELS = ["mid", "senior", "staff"] as const;
export type Level = (typeof LEVELS)[number];

/** The level an interview, a transcript or a picker assumes when none is given. */
export const DEFAULT_LEVEL: Level = "senior";

export const SCENARIO_IDS = [
  "video-recommendation",
  "ad-click-prediction",
  "search-ranking",
  "harmful-content-detection",
  "visual-search",
  "video-search",
  "people-you-may-know",
  "news-feed",
  "event-recommendation",
  "similar-listings",
  "street-view-blurring",
  "fraud-detection",
  "rag-assistant",
] as const;

export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const stepIdSchema = z.enum(STEP_IDS);
export const levelSchema = z.enum(LEVELS);
export const scenarioIdSchema = z.enum(SCENARIO_IDS);

/** What a scenario mainly exercises; the picker filters by these. */
export const FOCUS_AREAS = ["recommendation", "ranking", "classification", "vision", "llm"] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const FOCUS_AREA_LABELS: Record<FocusArea, string> = {
  recommendation: "Recommendation",
  ranking: "Ranking",
  classification: "Classification",
  vision: "Vision",
  llm: "LLM",
};

/** The step after `step`, or null when `step` is the last one. */
export function nextStep(step: StepId): StepId | null {
  const index = STEP_IDS.indexOf(step);
  return STEP_IDS[index + 1] ?? null;
}

/** True when `level` is at or above `atLeast` (mid < senior < staff). */
export function levelReaches(level: Level, atLeast: Level): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(atLeast);
}
