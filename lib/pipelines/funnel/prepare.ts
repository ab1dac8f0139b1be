/**
 * The deterministic, costly part of a funnel run, kept between checks by the run cache: the
 * world, the index (built on one thread, so the same for a seed), the ranker trained on clicks
 * and every evaluation user's exact top K. Serving and timing the requests stays in `run.ts`.
 */
import { cached, cacheKey } from "../run-cache";
import type { PipelineContext } from "../types";
import type { FunnelParams } from "./params";
import { buildIndex, checkpoint } from "./retrieval";
import { TRAINING_USERS, trainFromClicks } from "./training";
import { scanUser, type UserTruth } from "./truth";
import { type Catalogue, makeCatalogue, makeUsers } from "./world";

/** Training users live in their own key range of the pair-noise hash. */
const TRAINING_KEY_OFFSET = 10_000_000;

/** Maps a stage's own 0..1 progress onto [from, to] of the run's. */
export const progressRange =
  (context: PipelineContext) => (from: number, to: number, message: string) => (fraction: number) =>
    context.onProgress(from + (to - from) * fraction, message);

/** The HNSW settings of a run: usearch searches with ef = max(expansion_search, k). */
export function hnswSettings(params: FunnelParams) {
  const efSearch = Math.max(64, params.candidates);
  return { M: params.M, efConstruction: params.efConstruction, efSearch, quantization: params.quantization };
}

/** The world for `params`, from the run cache when a previous run built it. */
export function prepareWorld(params: FunnelParams, context: PipelineContext) {
  return cached(
    cacheKey("funnel:world", worldKey(params)),
    () => buildWorld(params, context),
    (world) => worldBytes(params, world.catalogue),
  );
}

/** Every parameter the world, the index, the trained ranker and the truths depend on. */
function worldKey(p: FunnelParams) {
  const { items, dim, users, candidates, finalK, M, efConstruction, quantization, seed } = p;
  return { items, dim, users, candidates, finalK, M, efConstruction, quantization, seed };
}

/** Vectors in float32, the index's copy in its quantisation plus about 2M links an item, the truths. */
function worldBytes(p: FunnelParams, catalogue: Catalogue): number {
  const scalar = { f32: 4, f16: 2, i8: 1 }[p.quantization];
  const users = (p.users + TRAINING_USERS) * p.dim * 4;
  return (
    catalogue.vectors.byteLength + p.items * (p.dim * scalar + 2 * p.M * 4 + 24) + users + p.users * p.candidates * 8
  );
}

async function buildWorld(params: FunnelParams, context: PipelineContext) {
  const { signal } = context;
  const progress = progressRange(context);
  context.onProgress(0, "generating the catalogue and the users");
  await checkpoint(signal);
  const catalogue = makeCatalogue(params.items, params.dim, params.seed);
  const users = makeUsers(catalogue, params.users, params.seed, 0);
  const trainingUsers = makeUsers(catalogue, TRAINING_USERS, params.seed, TRAINING_KEY_OFFSET);
  const { index, buildMs } = await buildIndex(
    catalogue.vectors,
    params.dim,
    hnswSettings(params),
    signal,
    progress(0.03, 0.5, `building the HNSW index over ${params.items.toLocaleString("en-US")} items`),
  );

  const trained = await trainFromClicks(
    index,
    catalogue,
    trainingUsers,
    params.candidates,
    signal,
    progress(0.5, 0.58, "training the ranker on simulated clicks"),
  );

  const truthStart = performance.now();
  const truths: UserTruth[] = [];
  const chunk = Math.max(1, Math.ceil(params.users / 20));
  const scanProgress = progress(0.58, 0.85, "scanning the catalogue for every user's true top K");
  for (let u = 0; u < params.users; u++) {
    if (u % chunk === 0) {
      await checkpoint(signal);
      scanProgress(u / params.users);
    }
    truths.push(scanUser(users, u, catalogue, params.finalK, params.candidates));
  }
  return { catalogue, users, index, buildMs, trained, truths, truthMs: performance.now() - truthStart };
}
