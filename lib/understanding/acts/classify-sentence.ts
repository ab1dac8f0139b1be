import { ACT_KINDS, type ActKind } from "@/lib/understanding/types";
import modelJson from "./act-model.json";
import { extractFeatures } from "./features";
import { type ActModel, predictProbabilities } from "./train";

export interface SentenceAct {
  kind: ActKind;
  /** The probability of `kind`, 0..1. */
  confidence: number;
  scores: Record<ActKind, number>;
}

// The JSON import is parsed once when the module loads; the cast is checked by the class list below.
const model = modelJson as ActModel;
if (model.classes.join() !== ACT_KINDS.join()) {
  throw new Error("act-model.json was trained for other act kinds; run `npm run understanding:train`");
}

/** Scores one sentence with `activeModel` (the committed model unless a test or the bench passes another). */
export function classifyWith(activeModel: ActModel, sentence: string): SentenceAct {
  const probabilities = predictProbabilities(activeModel, extractFeatures(sentence, activeModel.features));
  const scores = Object.fromEntries(activeModel.classes.map((kind, k) => [kind, probabilities[k] ?? 0])) as Record<
    ActKind,
    number
  >;
  let best: ActKind = "answer";
  for (const kind of activeModel.classes) if (scores[kind] > scores[best]) best = kind;
  return { kind: best, confidence: scores[best], scores };
}

/** What one sentence of a candidate message does, by the trained act model. */
export function classifySentence(sentence: string): SentenceAct {
  return classifyWith(model, sentence);
}
