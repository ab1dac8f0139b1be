import { chooseReranker } from "@/lib/embeddings/get-reranker";
import type { Reranker } from "@/lib/embeddings/types";
import { getConfig } from "@/lib/env";
import { logger } from "@/lib/logger";

const globalForReranker = globalThis as unknown as { probeReranker?: Promise<Reranker | null> };

/**
 * The process's cross-encoder, chosen once, or null when re-ranking is off or its model cannot
 * be had; the reason is logged once, here. Never rejects: the search works without it.
 */
export function getReranker(): Promise<Reranker | null> {
  globalForReranker.probeReranker ??= chooseReranker({ config: getConfig().reranker, log: logger.info }).then(
    ({ reranker, reason }) => {
      // Turned off on purpose is news; off because the model cannot be had is a warning.
      if (!reason) logger.info(`re-ranking with ${reranker?.modelId}`);
      else if (getConfig().reranker) logger.warn(reason);
      else logger.info(reason);
      return reranker;
    },
  );
  return globalForReranker.probeReranker;
}
