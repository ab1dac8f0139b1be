import type { AppConfig } from "@/lib/env";
import { createDefaultFallbackEmbedder } from "./default-fallback";
import { loadTransformersEmbedder } from "./transformers-embedder";
import type { Embedder } from "./types";

export interface EmbedderChoice {
  embedder: Embedder;
  /** Why the fallback is in use, or null when the configured model loaded. */
  fallbackReason: string | null;
}

/**
 * The configured transformers.js model when it loads and fits the index dimension; otherwise
 * the deterministic fallback, with the reason. Never throws: a missing model must not stop the app.
 */
export async function chooseEmbedder({
  config,
  dimension,
}: {
  config: AppConfig["embedding"];
  dimension: number;
}): Promise<EmbedderChoice> {
  let reason: string;
  try {
    const embedder = await loadTransformersEmbedder({
      model: config.model,
      modelsDir: config.modelsDir,
      allowRemote: config.allowRemote,
    });
    if (embedder.dimension === dimension) return { embedder, fallbackReason: null };
    reason = `model ${config.model} produces ${embedder.dimension}-dimensional vectors but the index holds ${dimension}`;
  } catch (error) {
    const detail = (error as Error).message.split("\n")[0];
    reason = `model ${config.model} could not be loaded from ${config.modelsDir}${
      config.allowRemote ? " or downloaded" : " (downloads are off: set ALLOW_REMOTE_MODELS=true to allow them)"
    }: ${detail}`;
  }
  return { embedder: createDefaultFallbackEmbedder(dimension), fallbackReason: reason };
}
