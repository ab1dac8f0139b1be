import { z } from "zod";
import { FOCUS_AREAS, LEVELS, SCENARIO_IDS, STEP_IDS } from "@/lib/framework";

/** Lower-case kebab-case ids, unique within a scenario file. */
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case kebab-case (letters, digits, dashes)");

const text = z.string().trim().min(1, "must not be empty");

export const stepIdSchema = z.enum(STEP_IDS);
export const levelSchema = z.enum(LEVELS);
export const scenarioIdSchema = z.enum(SCENARIO_IDS);

export const FACT_TOPICS = ["scale", "latency", "data", "labels", "constraints", "scope", "business"] as const;
export const FOLLOW_UP_KINDS = ["number", "tradeoff", "failure", "pushback", "depth"] as const;

function wordCount(value: string): number {
  return value.split(/\s+/).filter(Boolean).length;
}

/** A fact the interviewer reveals only when the candidate asks for it. */
export const factSchema = z.object({
  id,
  topic: z.enum(FACT_TOPICS),
  /** Keywords or short phrases whose presence in a candidate question reveals the fact. */
  triggers: z.array(text).min(1),
  answer: text,
});

/** A mistake that should lose a rubric item, and how the interviewer pushes back on it. */
export const mistakeSchema = z.object({
  text,
  /** Phrases that reveal the mistake in a candidate answer. */
  triggers: z.array(text).min(1),
  pushback: text,
});

export const rubricItemSchema = z.object({
  id,
  title: text,
  /** What a candidate must say or do to earn the item. */
  earns: text,
  weight: z.number().int().min(1).max(3),
  /** The lowest level at which the item is expected. */
  level: levelSchema,
  /** Concepts, phrasings and numbers a strong answer uses (matched against candidate text). */
  evidence: z.array(text).min(3),
  mistakes: z.array(mistakeSchema).default([]),
});

export const followUpSchema = z.object({
  id,
  kind: z.enum(FOLLOW_UP_KINDS),
  text,
  /** Rubric item ids of the same step that this question probes for. */
  targets: z.array(id).default([]),
});

export const hintSchema = z.object({
  text,
  targets: z.array(id).default([]),
});

export const stepContentSchema = z.object({
  /** The interviewer's first question when the step begins. */
  question: text,
  rubric: z.array(rubricItemSchema).min(4),
  followUps: z.array(followUpSchema).min(4),
  hints: z.array(hintSchema).min(2),
  /** The reference design for this step, as a strong candidate would present it. */
  reference: text,
});

export const referenceNumberSchema = z.object({
  id,
  label: text,
  value: z.number(),
  unit: text,
  /** The back-of-envelope arithmetic that produces the value. */
  arithmetic: text,
});

export const passageSchema = z.object({
  id,
  step: stepIdSchema,
  title: text,
  text: text.refine((value) => {
    const words = wordCount(value);
    return words >= 80 && words <= 250;
  }, "must be 80 to 250 words"),
  /** Public papers or talks whose facts the passage uses, cited by title and year. */
  sources: z.array(text).default([]),
});

/**
 * One component the scenario's design needs (issue 16), for matching against a diagram's labels:
 * `role` names it in a question, `terms` are a few concept phrases, and the hints say where it
 * usually sits (drawn as storage, reached by an offline path, feeding another component).
 */
export const referenceComponentSchema = z.object({
  id,
  role: text,
  description: text,
  terms: z.array(text).min(1).max(10),
  /** Asked when the diagram lacks the component, e.g. "where do the features come from at serving time?". */
  question: text,
  store: z.boolean().default(false),
  offline: z.boolean().default(false),
  /** Ids of components it usually feeds: a store with an arrow into the ranker is likely the feature store. */
  feeds: z.array(id).default([]),
});

const stepsSchema = z.object(
  Object.fromEntries(STEP_IDS.map((step) => [step, stepContentSchema])) as Record<
    (typeof STEP_IDS)[number],
    typeof stepContentSchema
  >,
);

export const scenarioSchema = z
  .object({
    id: scenarioIdSchema,
    title: text,
    domain: text,
    /** One line for the picker. */
    summary: text,
    focusAreas: z.array(z.enum(FOCUS_AREAS)).min(1),
    /** What the scenario exercises, shown on its card. */
    exercises: z.array(text).min(2),
    /** The opening prompt as an interviewer would say it. */
    prompt: text,
    facts: z.array(factSchema).min(8),
    steps: stepsSchema,
    referenceNumbers: z.array(referenceNumberSchema).min(3),
    passages: z.array(passageSchema),
    /** What a diagram of the design must show (issue 16); optional so fixtures need not carry one. */
    referenceDesign: z.array(referenceComponentSchema).min(4).max(7).optional(),
  })
  .superRefine((scenario, ctx) => {
    for (const step of STEP_IDS) {
      const count = scenario.passages.filter((p) => p.step === step).length;
      if (count < 3) {
        ctx.addIssue({
          code: "custom",
          path: ["passages"],
          message: `step "${step}" has ${count} passages; at least 3 are required`,
        });
      }
      const content = scenario.steps[step];
      const rubricIds = new Set(content.rubric.map((item) => item.id));
      const targeted = [
        ...content.followUps.map((f, i) => ({ targets: f.targets, path: ["followUps", i] })),
        ...content.hints.map((h, i) => ({ targets: h.targets, path: ["hints", i] })),
      ];
      for (const { targets, path } of targeted) {
        for (const target of targets) {
          if (!rubricIds.has(target)) {
            ctx.addIssue({
              code: "custom",
              path: ["steps", step, ...path, "targets"],
              message: `"${target}" is not a rubric item of step "${step}"`,
            });
          }
        }
      }
    }
    const componentIds = new Set((scenario.referenceDesign ?? []).map((c) => c.id));
    (scenario.referenceDesign ?? []).forEach((component, i) => {
      for (const target of component.feeds) {
        if (!componentIds.has(target)) {
          ctx.addIssue({
            code: "custom",
            path: ["referenceDesign", i, "feeds"],
            message: `"${target}" is not a component of the reference design`,
          });
        }
      }
    });
    const seen = new Map<string, string>();
    const ids: Array<{ id: string; path: (string | number)[] }> = [
      ...scenario.facts.map((f, i) => ({ id: f.id, path: ["facts", i, "id"] })),
      ...scenario.passages.map((p, i) => ({ id: p.id, path: ["passages", i, "id"] })),
      ...(scenario.referenceDesign ?? []).map((c, i) => ({ id: c.id, path: ["referenceDesign", i, "id"] })),
      ...STEP_IDS.flatMap((step) =>
        scenario.steps[step].rubric.map((r, i) => ({
          id: r.id,
          path: ["steps", step, "rubric", i, "id"],
        })),
      ),
    ];
    for (const entry of ids) {
      const previous = seen.get(entry.id);
      if (previous) {
        ctx.addIssue({
          code: "custom",
          path: entry.path,
          message: `id "${entry.id}" is already used at ${previous}`,
        });
      } else {
        seen.set(entry.id, entry.path.join("."));
      }
    }
  });

/** Passages on topics that serve many scenarios (ANN indexes, calibration, drift...). */
export const topicPassageSchema = passageSchema.omit({ step: true }).extend({
  steps: z.array(stepIdSchema).min(1),
});

export const topicsFileSchema = z.object({
  passages: z.array(topicPassageSchema).min(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type StepContent = z.infer<typeof stepContentSchema>;
export type RubricItem = z.infer<typeof rubricItemSchema>;
export type Fact = z.infer<typeof factSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type Passage = z.infer<typeof passageSchema>;
export type ReferenceComponent = z.infer<typeof referenceComponentSchema>;
export type TopicPassage = z.infer<typeof topicPassageSchema>;
