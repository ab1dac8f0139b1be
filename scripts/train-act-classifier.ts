/**
 * `npm run understanding:train`: trains the utterance-act model on the labelled training sets (one per author) and
 * writes lib/understanding/acts/act-model.json. A test checks that the committed file equals a
 * fresh training, so edit the training set or options, then run this.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_TRAIN_OPTIONS,
  serializeActModel,
  TRAINING_FILES,
  type TrainingExample,
  trainActModel,
} from "@/lib/understanding/acts/train";

const dir = path.join(import.meta.dirname, "../lib/understanding/acts");
const examples = TRAINING_FILES.flatMap(
  (file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as TrainingExample[],
);
const start = performance.now();
const model = trainActModel(examples, DEFAULT_TRAIN_OPTIONS);
const text = serializeActModel(model);
writeFileSync(path.join(dir, "act-model.json"), text);
console.log(
  `trained on ${examples.length} sentences in ${((performance.now() - start) / 1000).toFixed(1)} s: ` +
    `${Object.keys(model.weights).length} features, ${(text.length / 1024).toFixed(0)} KiB`,
);
