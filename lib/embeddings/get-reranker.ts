import type { ModelConfig } from "@/lib/env";
import { loadCrossEncoder } from "./cross-encoder";
import { type EnsureModelOptions, ensureLocalModel } from "./ensure-model";
import type { Reranker } from "./types";

export interface RerankerChoice {
  reranker: Reranker | null;
  /** One log line saying why re-ranking is off and what to do, or null when the model loaded. */
  reason: string | null;
}

/**
 * The configured cross-encoder when it is in `modelsDir` (or can be fetched there once) and
 * loads; otherwise no re-ranker, with the reason. `config` is null when RERANKER=off. Never
 * throws: the search works without re-ranking.
 */
export async function chooseReranker({
  config,
  log,
  hubTimeoutMs,
}: Omit<EnsureModelOptions, "config"> & { config: ModelConfig | null }): Promise<RerankerChoice> {
  if (!config) return { reranker: null, reason: "re-ranking is off (RERANKER=off)." };
  const off = (why: string, remedy?: string): RerankerChoice => ({
    reranker: null,
    reason: `${why}; re-ranking is off.${remedy ? ` ${remedy}` : ""}`,
  });
  const availability = await ensureLocalModel({ config, log, hubTimeoutMs });
  if (!availability.available) return off(availability.why, availability.remedy);
  try {
    return { reranker: await loadCrossEncoder({ model: config.model, modelsDir: config.modelsDir }), reason: null };
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0];
    return off(`cross-encoder ${config.model} could not be loaded from ${config.modelsDir} (${detail})`);
  }
}
