import { EMBEDDING_DIMENSION } from "@/db/schema";
import { chooseEmbedder } from "@/lib/embeddings/get-embedder";
import type { Embedder } from "@/lib/embeddings/types";
import { getConfig } from "@/lib/env";
import { logger } from "@/lib/logger";

const globalForEmbedder = globalThis as unknown as { probeEmbedder?: Promise<Embedder> };

/**
 * The process's embedder, chosen once: a missing model is fetched at most once (with progress
 * lines), and the fallback's reason is logged once, here.
 */
export function getEmbedder(): Promise<Embedder> {
  globalForEmbedder.probeEmbedder ??= chooseEmbedder({
    config: getConfig().embedding,
    dimension: EMBEDDING_DIMENSION,
    log: logger.info,
  }).then(({ embedder, fallbackReason }) => {
    if (fallbackReason) logger.warn(fallbackReason);
    else logger.info(`embedding with ${embedder.modelId}`);
    return embedder;
  });
  return globalForEmbedder.probeEmbedder;
}
