import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { STEP_IDS } from "@/lib/framework";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { stepIdSchema } from "@/lib/scenarios/schema";
import { type Transcript, transcriptSchema } from "../schema";
import { prepareTranscript } from "../score-steps";
import { pairFeatures, readSentence } from "./features";
import type { TrainingPair } from "./model";
import { vocabularyOf } from "./vocabulary";

/** One transcript's human labels (bench/scoring/labelled/<split>/labels.json), written before any tuning. */
export const labelSchema = z.object({
  file: z.string(),
  scenarioId: z.string(),
  level: z.enum(["mid", "senior", "staff"]),
  quality: z.enum(["strong", "medium", "weak", "injected"]),
  baseline: z.string().optional(),
  humanOverall: z.number().optional(),
  humanSteps: z.record(stepIdSchema, z.number()).optional(),
  credits: z
    .array(
      z.object({
        rubricId: z.string(),
        turn: z.number().int(),
        quote: z.string(),
        credit: z.enum(["full", "partial"]),
        alsoOk: z.array(z.string()).optional(),
        note: z.string().optional(),
      }),
    )
    .default([]),
  recovered: z.array(z.object({ rubricId: z.string(), note: z.string().optional() })).default([]),
  numberErrors: z
    .array(z.object({ rubricId: z.string(), turn: z.number().int(), quote: z.string(), note: z.string().optional() }))
    .default([]),
});
export type Label = z.infer<typeof labelSchema>;

export interface LabelledTranscript {
  label: Label;
  transcript: Transcript;
}

export function loadLabelledSet(dir: string): LabelledTranscript[] {
  const labels = z.array(labelSchema).parse(JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")));
  return labels.map((label) => ({
    label,
    transcript: transcriptSchema.parse(JSON.parse(readFileSync(path.join(dir, label.file), "utf8"))),
  }));
}

/** True when a scorer's sentence and a labelled quote are the same sentence (either may be trimmed). */
export function sameSentence(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** The labelled sentences that earn an item, in a transcript: its quote and its alternatives. */
export function labelledQuotes(label: Label, rubricId: string): string[] {
  return label.credits.filter((c) => c.rubricId === rubricId).flatMap((c) => [c.quote, ...(c.alsoOk ?? [])]);
}

/**
 * The training pairs of a labelled transcript: every (usable sentence, rubric item) of the
 * step the scorer places the sentence in, positive when the label says the sentence earns it.
 */
export function trainingPairs({ label, transcript }: LabelledTranscript, library: ScenarioLibrary): TrainingPair[] {
  const prepared = prepareTranscript(transcript, library);
  const vocabulary = vocabularyOf(library);
  const pairs: TrainingPair[] = [];
  for (const step of STEP_IDS) {
    const profiles = prepared.scenario.steps[step].rubric.map((item) => vocabulary.profile(item));
    for (const sentence of prepared.sentences.get(step)?.usable ?? []) {
      const read = readSentence(sentence, prepared.interviewer);
      // The same sentences the scorer leaves out (see assessStep).
      if (read.list || read.repeatsInterviewer) continue;
      for (const profile of profiles) {
        const positive = labelledQuotes(label, profile.item.id).some((q) => sameSentence(sentence.text, q));
        pairs.push({ values: pairFeatures(read, profile, profiles, vocabulary).values, positive });
      }
    }
  }
  return pairs;
}
