/** Cross-validation folds and per-act precision, recall and F1 for bench:understanding. */
import { mulberry32 } from "@/lib/pipelines/random";
import { ACT_KINDS, type ActKind } from "@/lib/understanding/types";
import { round } from "../lib/stats";

/** Fold number per example, stratified by act so every fold sees every act. */
export function assignFolds(acts: ActKind[], folds: number, seed: number): number[] {
  const random = mulberry32(seed);
  const fold = new Array<number>(acts.length).fill(0);
  for (const kind of ACT_KINDS) {
    const members = acts.flatMap((act, i) => (act === kind ? [i] : []));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [members[i], members[j]] = [members[j] as number, members[i] as number];
    }
    members.forEach((member, rank) => {
      fold[member] = rank % folds;
    });
  }
  return fold;
}

/** Precision, recall and F1 per act, and their macro average over the acts that occur. */
export function scoreActs(gold: ActKind[], predicted: ActKind[]) {
  const perAct = ACT_KINDS.map((kind) => {
    const tp = gold.filter((g, i) => g === kind && predicted[i] === kind).length;
    const goldCount = gold.filter((g) => g === kind).length;
    const predictedCount = predicted.filter((p) => p === kind).length;
    const precision = predictedCount ? tp / predictedCount : 0;
    const recall = goldCount ? tp / goldCount : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { act: kind, support: goldCount, precision: round(precision), recall: round(recall), f1: round(f1) };
  });
  const present = perAct.filter((a) => a.support > 0);
  const macroF1 = round(present.reduce((sum, a) => sum + a.f1, 0) / Math.max(present.length, 1));
  const accuracy = round(gold.filter((g, i) => g === predicted[i]).length / Math.max(gold.length, 1));
  return { perAct, macroF1, accuracy };
}
