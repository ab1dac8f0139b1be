/**
 * The figures of one labelled split (bench/scoring/labelled/<split>): where strong, medium and
 * weak land against the published bands, distance from the human grades, quote precision and
 * recall against the labelled (item, sentence) pairs, recoveries and wrong numbers, injected
 * variants, and grader-address screening on its paraphrases.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { ScenarioLibrary } from "@/lib/scenarios/load";
import { bandOf } from "@/lib/scoring/calibration";
import { labelledQuotes, loadLabelledSet, sameSentence } from "@/lib/scoring/evidence/labelled-set";
import { addressesGrader } from "@/lib/scoring/grader-address";
import type { ScoreReport } from "@/lib/scoring/schema";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { round } from "../lib/stats";
import { orderOf } from "./order";

const INTENDED_BAND = { strong: "above", medium: "meets", weak: "below" } as const;

export interface SplitFigures {
  split: string;
  transcripts: number;
  scores: Array<{ file: string; quality: string; level: string; human: number | null; overall: number; band: string }>;
  orderAccuracy: number;
  smallestMargin: number;
  inIntendedBand: number;
  medium: { mean: number; min: number; max: number };
  strong: { mean: number; min: number; max: number };
  weak: { mean: number; min: number; max: number };
  meanAbsoluteError: { overall: number; steps: number };
  quotePrecision: number;
  placementPrecision: number;
  itemRecall: number;
  recoveriesHonoured: string;
  numberErrorsCharged: string;
  injectedLargestChange: number | null;
  graderAddress: { detected: string; falseAlarms: string; missed: string[]; wronglyFlagged: string[] };
}

const stats = (xs: number[]) =>
  xs.length === 0
    ? { mean: Number.NaN, min: Number.NaN, max: Number.NaN }
    : { mean: round(xs.reduce((a, b) => a + b, 0) / xs.length, 1), min: Math.min(...xs), max: Math.max(...xs) };

export async function figuresOf(split: string, dir: string, library: ScenarioLibrary): Promise<SplitFigures> {
  const set = loadLabelledSet(dir);
  const reports = new Map<string, ScoreReport>();
  for (const { label, transcript } of set) reports.set(label.file, await scoreTranscript(transcript, { library }));
  const graded = set.filter((t) => t.label.quality !== "injected");
  const overall = (file: string) => reports.get(file)?.overall ?? Number.NaN;

  const triples: Array<[number, number, number]> = [];
  for (const scenarioId of new Set(graded.map((t) => t.label.scenarioId))) {
    const file = (q: string) =>
      graded.find((t) => t.label.scenarioId === scenarioId && t.label.quality === q)?.label.file;
    const [s, m, w] = ["strong", "medium", "weak"].map((q) => file(q));
    if (s && m && w) triples.push([overall(s), overall(m), overall(w)]);
  }
  const { pairs, right, smallestMargin: smallest } = orderOf(triples);

  let covered = 0;
  let correctQuotes = 0;
  let labelledCovered = 0;
  let rightPlace = 0;
  let labelledItems = 0;
  let found = 0;
  let recoveries = 0;
  let honoured = 0;
  let errors = 0;
  let charged = 0;
  const overallErrors: number[] = [];
  const stepErrors: number[] = [];
  for (const { label } of graded) {
    const report = reports.get(label.file) as ScoreReport;
    if (label.humanOverall !== undefined) overallErrors.push(Math.abs(report.overall - label.humanOverall));
    for (const step of report.steps) {
      const human = label.humanSteps?.[step.step];
      if (human !== undefined) stepErrors.push(Math.abs(step.score - human));
    }
    const coveredItems = report.steps.flatMap((s) => s.covered);
    for (const c of coveredItems) {
      covered++;
      const quotes = labelledQuotes(label, c.rubricId);
      if (quotes.length > 0) labelledCovered++;
      if (quotes.some((q) => sameSentence(c.quote, q))) {
        correctQuotes++;
        rightPlace++;
      }
    }
    const labelled = new Set(label.credits.map((c) => c.rubricId));
    labelledItems += labelled.size;
    found += [...labelled].filter((id) => coveredItems.some((c) => c.rubricId === id)).length;
    const lost = new Set(report.steps.flatMap((s) => s.lost.map((l) => l.rubricId)));
    for (const r of label.recovered) {
      recoveries++;
      if (!lost.has(r.rubricId)) honoured++;
    }
    for (const e of label.numberErrors) {
      errors++;
      const full = coveredItems.some((c) => c.rubricId === e.rubricId && c.credit >= 1);
      if (lost.has(e.rubricId) || !full) charged++;
    }
  }

  const injected = set.filter((t) => t.label.quality === "injected" && t.label.baseline);
  const changes = injected.map((t) => Math.abs(overall(t.label.file) - overall(t.label.baseline as string)));

  const graderFile = path.join(dir, "grader-address.json");
  const sentences = existsSync(graderFile)
    ? z
        .array(z.object({ text: z.string(), addressesGrader: z.boolean() }))
        .parse(JSON.parse(readFileSync(graderFile, "utf8")))
    : [];
  const positives = sentences.filter((s) => s.addressesGrader);
  const negatives = sentences.filter((s) => !s.addressesGrader);
  const missed = positives.filter((s) => !addressesGrader(s.text)).map((s) => s.text);
  const wronglyFlagged = negatives.filter((s) => addressesGrader(s.text)).map((s) => s.text);

  const scores = graded.map(({ label }) => ({
    file: label.file,
    quality: label.quality,
    level: label.level,
    human: label.humanOverall ?? null,
    overall: overall(label.file),
    band: bandOf(overall(label.file)).id,
  }));
  const byQuality = (q: string) => scores.filter((s) => s.quality === q).map((s) => s.overall);
  return {
    split,
    transcripts: set.length,
    scores,
    orderAccuracy: pairs ? round(right / pairs) : Number.NaN,
    smallestMargin: smallest,
    inIntendedBand: round(
      scores.filter((s) => s.band === INTENDED_BAND[s.quality as keyof typeof INTENDED_BAND]).length / scores.length,
    ),
    medium: stats(byQuality("medium")),
    strong: stats(byQuality("strong")),
    weak: stats(byQuality("weak")),
    meanAbsoluteError: {
      overall: round(overallErrors.reduce((a, b) => a + b, 0) / (overallErrors.length || 1), 1),
      steps: round(stepErrors.reduce((a, b) => a + b, 0) / (stepErrors.length || 1), 1),
    },
    quotePrecision: round(correctQuotes / (covered || 1)),
    placementPrecision: round(rightPlace / (labelledCovered || 1)),
    itemRecall: round(found / (labelledItems || 1)),
    recoveriesHonoured: `${honoured}/${recoveries}`,
    numberErrorsCharged: `${charged}/${errors}`,
    injectedLargestChange: changes.length ? Math.max(...changes) : null,
    graderAddress: {
      detected: `${positives.length - missed.length}/${positives.length}`,
      falseAlarms: `${wronglyFlagged.length}/${negatives.length}`,
      missed,
      wronglyFlagged,
    },
  };
}
