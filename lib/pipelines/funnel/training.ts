/**
 * Training data for the ranker, the way a production ranker gets it: impressions of retrieved
 * candidates and the clicks they drew. A separate set of training users (never evaluated) each
 * sees IMPRESSIONS_PER_USER of their own ANN candidates, chosen uniformly (like exploration
 * traffic, so the labels are not biased by an earlier ranker's positions). A click happens with
 * probability sigmoid((U - U_p90) / (CLICK_TEMPERATURE x sd(U))): about one impression in six is
 * clicked, and a click is a noisy signal of utility, not the utility itself.
 */
import type { Index } from "usearch";
import { mulberry32 } from "../random";
import { quantile } from "./metrics";
import { featureRow, type Ranker, trainRanker } from "./ranker";
import { checkpoint, retrieve } from "./retrieval";
import { type Catalogue, dotWith, pairNoise, trueUtility, type Users } from "./world";

export const TRAINING_USERS = 300;
export const IMPRESSIONS_PER_USER = 50;
const CLICK_TEMPERATURE = 0.5;

export interface TrainedRanker {
  ranker: Ranker;
  impressions: number;
  clickRate: number;
  trainMs: number;
}

export async function trainFromClicks(
  index: Index,
  catalogue: Catalogue,
  trainingUsers: Users,
  candidates: number,
  signal: AbortSignal,
  report: (fraction: number) => void,
): Promise<TrainedRanker> {
  const random = mulberry32(trainingUsers.seed ^ 0xc11c);
  const rows: number[][] = [];
  const utilities: number[] = [];
  const { dim } = catalogue;
  const chunk = Math.max(1, Math.ceil(trainingUsers.count / 10));
  for (let u = 0; u < trainingUsers.count; u++) {
    if (u % chunk === 0) {
      await checkpoint(signal);
      report((0.8 * u) / trainingUsers.count);
    }
    const vector = trainingUsers.vectors.slice(u * dim, (u + 1) * dim);
    const weight = trainingUsers.qualityWeight[u] as number;
    const ids = retrieve(index, vector, candidates);
    const shown = Math.min(IMPRESSIONS_PER_USER, ids.length);
    const order = Array.from({ length: ids.length }, (_, i) => i);
    for (let i = 0; i < shown; i++) {
      const j = i + Math.floor(random() * (order.length - i));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
      const p = order[i] as number;
      const item = ids[p] as number;
      const s = dotWith(vector, catalogue.vectors, item, dim);
      const q = catalogue.quality[item] as number;
      rows.push(featureRow(s, q, weight));
      const noise = pairNoise(trainingUsers.seed, trainingUsers.keyOffset + u, item);
      utilities.push(trueUtility(s, q, weight, noise));
    }
  }
  await checkpoint(signal);
  const centre = quantile(utilities, 0.9);
  const meanUtility = utilities.reduce((a, b) => a + b, 0) / utilities.length;
  const sd = Math.sqrt(utilities.reduce((a, b) => a + (b - meanUtility) ** 2, 0) / utilities.length) || 1;
  const labels = utilities.map((u) =>
    random() < 1 / (1 + Math.exp(-(u - centre) / (CLICK_TEMPERATURE * sd))) ? 1 : 0,
  );
  const start = performance.now();
  const ranker = trainRanker(rows, labels);
  const trainMs = performance.now() - start;
  report(1);
  const clicks = labels.reduce<number>((a, b) => a + b, 0);
  return { ranker, impressions: rows.length, clickRate: clicks / rows.length, trainMs };
}
