import { createDefaultFallbackEmbedder } from "./default-fallback";
import { type EnsureModelOptions, ensureLocalModel } from "./ensure-model";
import { loadTransformersEmbedder } from "./transformers-embedder";
import type { Embedder } from "./types";

export interface EmbedderChoice {
  embedder: Embedder;
  /** One log line saying why the fallback is in use and what to do, or null when the configured model loaded. */
  fallbackReason: string | null;
}

/**
 * The configured transformers.js model when it is in `modelsDir` (or can be fetched there once)
 * and fits the index dimension; otherwise the deterministic fallback, with the reason. Never
 * throws: a missing model must not stop the app.
 */
export async function chooseEmbedder({
  config,
  dimension,
  log,
  hubTimeoutMs,
}: EnsureModelOptions & { dimension: number }): Promise<EmbedderChoice> {
  const fallback = createDefaultFallbackEmbedder(dimension);
  const fallBack = (why: string, remedy?: string): EmbedderChoice => ({
    embedder: fallback,
    fallbackReason: `${why}; using the built-in fallback embedder (${fallback.modelId}).${remedy ? ` ${remedy}` : ""}`,
  });
  const availability = await ensureLocalModel({ config, log, hubTimeoutMs });
  if (!availability.available) return fallBack(availability.why, availability.remedy);
  try {
    const embedder = await loadTransformersEmbedder({ model: config.model, modelsDir: config.modelsDir });
    if (embedder.dimension === dimension) return { embedder, fallbackReason: null };
    return fallBack(
      `model ${config.model} produces ${embedder.dimension}-dimensional vectors but the index holds ${dimension}`,
    );
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0];
    return fallBack(`model ${config.model} could not be loaded from ${config.modelsDir} (${detail})`);
  }
}
