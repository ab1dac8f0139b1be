/**
 * `npm run scoring:train`: trains the scorer's evidence model (lib/scoring/evidence/model.ts) on
 * the labelled TUNING transcripts only (bench/scoring/labelled/tuning) and writes
 * lib/scoring/evidence/evidence-model.json. The held-out transcripts are never read here.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { FEATURE_NAMES } from "@/lib/scoring/evidence/features";
import { loadLabelledSet, trainingPairs } from "@/lib/scoring/evidence/labelled-set";
import { type EvidenceModel, probability, trainEvidenceModel } from "@/lib/scoring/evidence/model";

const TUNING_DIR = path.join(import.meta.dirname, "../bench/scoring/labelled/tuning");

const library = loadScenarioLibrary();
const set = loadLabelledSet(TUNING_DIR).filter((t) => t.label.quality !== "injected");
const pairs = set.flatMap((t) => trainingPairs(t, library));
const { weights, bias } = trainEvidenceModel(pairs);
const draft: EvidenceModel = {
  version: 1,
  features: [...FEATURE_NAMES],
  weights,
  bias,
  earnAt: 0.5,
  trainedOn: `bench/scoring/labelled/tuning: ${set.length} transcripts, ${pairs.length} sentence-item pairs, ${pairs.filter((p) => p.positive).length} positive`,
};
// The threshold that best separates the pairs (F1 of the positives), on a 0.05 grid.
let best = { earnAt: 0.5, f1: -1 };
for (let t = 0.2; t <= 0.9 + 1e-9; t += 0.05) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of pairs) {
    const yes = probability(draft, pair.values) >= t;
    if (yes && pair.positive) tp++;
    else if (yes) fp++;
    else if (pair.positive) fn++;
  }
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  if (f1 > best.f1) best = { earnAt: Number(t.toFixed(2)), f1 };
}
const model = { ...draft, earnAt: best.earnAt };
writeFileSync(
  path.join(import.meta.dirname, "../lib/scoring/evidence/evidence-model.json"),
  `${JSON.stringify(model, null, 2)}\n`,
);
console.log(model.trainedOn);
console.log(FEATURE_NAMES.map((name, i) => `${name}: ${weights[i]}`).join("\n"));
console.log(`bias ${bias}; earn at p >= ${best.earnAt} (pair F1 ${best.f1.toFixed(3)})`);
