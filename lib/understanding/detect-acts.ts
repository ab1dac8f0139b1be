import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";
import { normalizeText } from "@/lib/text/normalize";
import { classifySentence } from "./acts/classify-sentence";
import { splitIntoSentences } from "./segment";
import type { Act } from "./types";

/**
 * The everyday names of each framework step, beside its title.
 * Longer phrases are matched first, so "model development" is one name, not "model" alone.
 */
const STEP_NAMES: Record<StepId, string[]> = {
  "clarify-requirements": [
    "clarify requirements",
    "clarifying requirements",
    "requirements",
    "requirement",
    "clarification",
    "clarifying questions",
    "scope",
    "scoping",
  ],
  "frame-problem": [
    "problem framing",
    "framing the problem",
    "frame the problem",
    "framing",
    "ml task",
    "problem formulation",
    "the problem",
  ],
  "data-preparation": [
    "data preparation",
    "data prep",
    "preparing the data",
    "feature engineering",
    "features",
    "data",
    "labels",
    "labelling",
    "labeling",
  ],
  "model-development": [
    "model development",
    "model architecture",
    "modelling",
    "modeling",
    "model selection",
    "the model",
    "model",
    "training",
    "architecture",
  ],
  evaluation: [
    "offline evaluation",
    "online evaluation",
    "offline eval",
    "online test",
    "online testing",
    "a/b testing",
    "a/b test",
    "ab test",
    "evaluation",
    "evaluating",
    "eval",
    "metrics",
    "metric",
  ],
  "deployment-serving": [
    "deployment and serving",
    "deployment",
    "deploying",
    "serving",
    "inference",
    "production",
    "rollout",
  ],
  monitoring: ["monitoring and infrastructure", "monitoring", "infrastructure", "infra", "observability", "alerting"],
};

const PHRASES: Array<[string, StepId]> = STEP_IDS.flatMap((id) =>
  [STEP_TITLES[id], ...STEP_NAMES[id]].map((phrase) => [normalizeText(phrase), id] as [string, StepId]),
).sort((a, b) => b[0].length - a[0].length);

// Words just before a step name that mark it as where to go, or as what is being left.
const TOWARDS = new Set(["to", "into", "onto", "towards", "with", "about", "do", "cover", "discuss", "start"]);
const AWAY = new Set(["skip", "from", "past", "covered", "finished", "done", "skipping"]);

/**
 * The framework step a sentence names ("let's jump to serving" -> deployment-serving), if any.
 * When several are named ("skip requirements and go to the model"), the one after "to"/"with"
 * is the destination, and one after "skip"/"from" is what is being left.
 */
export function targetStepOf(sentence: string): StepId | undefined {
  const text = ` ${normalizeText(sentence.replace(/'s\b/g, ""))} `;
  const found: Array<{ at: number; end: number; id: StepId; before: string[] }> = [];
  for (const [phrase, id] of PHRASES) {
    for (let at = text.indexOf(` ${phrase} `); at >= 0; at = text.indexOf(` ${phrase} `, at + 1)) {
      const end = at + phrase.length + 1;
      // Longer phrases come first, so a shorter one inside an earlier match is part of it.
      if (found.some((f) => at < f.end && end > f.at)) continue;
      const before = text.slice(0, at).trim().split(" ").slice(-3);
      found.push({ at, end, id, before });
    }
  }
  found.sort((x, y) => x.at - y.at);
  const towards = found.find((f) => f.before.some((w) => TOWARDS.has(w)));
  const notAway = found.find((f) => !f.before.some((w) => AWAY.has(w)));
  return (towards ?? notAway ?? found[0])?.id;
}

/**
 * The acts of a candidate message: one per sentence, each with the sentence copied verbatim.
 * Consecutive answer sentences are not merged here; that is the caller's choice.
 */
export function detectActs(message: string): Act[] {
  return splitIntoSentences(message).map(({ text }) => {
    const { kind } = classifySentence(text);
    const targetStep = kind === "move_on" ? targetStepOf(text) : undefined;
    return targetStep ? { kind, sentence: text, targetStep } : { kind, sentence: text };
  });
}
